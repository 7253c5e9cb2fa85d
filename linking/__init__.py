"""Cross-plan linking: SIMILAR_TO between policies of different plans, from typed policy texts
(model.texts.PolicyText), never from store rows."""
