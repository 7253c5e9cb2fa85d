"""Sentence-transformers embeddings, shared by every stage that may use a model (cross-plan similarity,
indicator resolution, the instrument cue signal). Imports of the model libraries stay inside the
functions, so nothing heavy is loaded unless a model is asked for.

No network at run time: a model is a local folder or already in the Hugging Face cache; only with
``PLANGRAPH_MODEL_DOWNLOAD=1`` may sentence-transformers fetch it. Callers catch the ``OSError`` that
:func:`check_model_available` raises and fall back to their offline method, saying why.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on") or \
        os.environ.get("TRANSFORMERS_OFFLINE", "").lower() in ("1", "true", "yes", "on")


def download_allowed() -> bool:
    """Fetching a model from a hub is network beyond the package registries: only on request."""
    return os.environ.get("PLANGRAPH_MODEL_DOWNLOAD", "").lower() in ("1", "true", "yes", "on") and not _offline()


def check_model_available(model_name: str) -> bool:
    """Decide at once whether the model can be loaded; return whether to load from local files only.

    A model is a local folder or already in the Hugging Face cache; only with
    PLANGRAPH_MODEL_DOWNLOAD=1 may sentence-transformers fetch it. Without this check a
    missing model makes sentence-transformers retry the network for minutes on an
    offline machine. Raises (so that ``auto`` falls back, saying why) when it cannot be had.
    """
    if Path(model_name).expanduser().is_dir():
        return True
    cached = False
    try:
        from huggingface_hub import try_to_load_from_cache

        cached = isinstance(try_to_load_from_cache(model_name, "modules.json"), str) or \
            isinstance(try_to_load_from_cache(model_name, "config.json"), str)
    except Exception:  # noqa: BLE001 - a malformed name is simply not cached
        cached = False
    if cached:
        return True
    if download_allowed():
        return False
    raise OSError(f"model {model_name!r} is neither a local folder nor in the Hugging Face cache "
                  "(set PLANGRAPH_MODEL_DOWNLOAD=1 to let sentence-transformers fetch it, or "
                  "PLANGRAPH_EMBED_MODEL to a local model folder)")


_MODELS: dict[str, object] = {}


def _model(model_name: str):
    if model_name not in _MODELS:
        local_only = check_model_available(model_name)  # before the slow import
        from sentence_transformers import SentenceTransformer  # heavy: only here

        _MODELS[model_name] = SentenceTransformer(model_name, local_files_only=local_only)
    return _MODELS[model_name]


def embed(texts: list[str], model_name: str, cache_dir: Path | None = None) -> list[list[float]]:
    """Unit vectors of ``texts``, cached on disk (``<cache_dir>/embeddings``) by model + text hash."""
    import numpy as np

    keys = [hashlib.sha1(f"{model_name}\x1f{t}".encode()).hexdigest() for t in texts]
    cached: dict[str, np.ndarray] = {}
    cdir = Path(cache_dir) / "embeddings" if cache_dir else None
    if cdir is not None:
        for k in set(keys):
            f = cdir / f"{k}.npy"
            if f.exists():
                cached[k] = np.load(f)
    missing = [i for i, k in enumerate(keys) if k not in cached]
    if missing:
        model = _model(model_name)
        vecs = model.encode([texts[i] for i in missing], batch_size=32, normalize_embeddings=True,
                            show_progress_bar=False, convert_to_numpy=True)
        for i, v in zip(missing, vecs):
            cached[keys[i]] = v
            if cdir is not None:
                cdir.mkdir(parents=True, exist_ok=True)
                np.save(cdir / f"{keys[i]}.npy", v)
    out = []
    for k in keys:
        v = cached[k].astype("float64")
        nrm = float(np.linalg.norm(v)) or 1.0
        out.append((v / nrm).tolist())
    return out
