"""The types that cross stage boundaries: every stage imports model; model imports no stage.

    model.document  ParsedDocument and its parts (loaders -> mapping, explorer)
    model.records   Node / Relationship / GraphRecords (mapping -> stores)
    model.ids       every node id and the one slug function
    model.texts     PolicyText (mapping -> similarity)
"""
