"""Fitting the meaning head with numpy only (training script and `reviewer learn` share it).

One-vs-rest L2-regularised logistic regression, class-balanced, full-batch gradient descent with
Adam: 384 features and a few thousand rows fit in seconds on one core.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

L2 = 1e-3
STEPS = 600
RATE = 0.05


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    l2: float = L2,
    steps: int = STEPS,
    seed: int = 0,
    init: tuple[np.ndarray, float] | None = None,
) -> tuple[np.ndarray, float]:
    """Weights (d,) and bias for one binary target y in {0,1}; positives and negatives weigh half
    each, whatever their counts. `init` warm-starts from a fitted head (learning refits)."""
    x = np.asarray(x, np.float32)
    y = np.asarray(y, np.float32)
    n, d = x.shape
    pos = max(1.0, y.sum())
    neg = max(1.0, n - y.sum())
    sample_w = np.where(y > 0, 0.5 / pos, 0.5 / neg).astype(np.float32)
    rng = np.random.default_rng(seed)
    scale = 10.0  # e5 vectors are unit length with small spread: scale up for well-sized steps
    w = rng.normal(0, 1e-3, d).astype(np.float32)
    b = 0.0
    if init is not None:
        w = (np.asarray(init[0], np.float32) / scale).copy()
        b = float(init[1])
    m_w = np.zeros(d, np.float32)
    v_w = np.zeros(d, np.float32)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    xs = x * scale
    for t in range(1, steps + 1):
        z = xs @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = (p - y) * sample_w
        grad_w = xs.T @ g + l2 * w
        grad_b = float(g.sum())
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w**2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        w -= RATE * (m_w / (1 - beta1**t)) / (np.sqrt(v_w / (1 - beta2**t)) + eps)
        b -= RATE * (m_b / (1 - beta1**t)) / (np.sqrt(v_b / (1 - beta2**t)) + eps)
    return (w * scale).astype(np.float32), float(b)


def fit_head(
    x: np.ndarray, labels: Sequence[Sequence[str]], categories: Sequence[str], **kw: float
) -> tuple[np.ndarray, np.ndarray]:
    """(C, d) weights and (C,) biases, one logistic regression per category."""
    weights, biases = [], []
    for cat in categories:
        y = np.array([cat in labs for labs in labels], dtype=np.float64)
        w, b = fit_logistic(x, y, **kw)
        weights.append(w)
        biases.append(b)
    return np.stack(weights).astype(np.float32), np.asarray(biases, np.float32)


def choose_cut(pos: np.ndarray, neg: np.ndarray, max_fpr: float = 0.01) -> float:
    """The lowest probability cut that keeps the share of benign rows above it <= max_fpr, and
    never below 0.5 (a cut lower than even odds would flag on doubt)."""
    if len(neg) == 0:
        return 0.5
    ranked = np.sort(np.asarray(neg))[::-1]
    allowed = int(np.floor(max_fpr * len(ranked)))
    cut = float(ranked[allowed]) + 1e-4 if allowed < len(ranked) else 0.5
    return float(min(0.99, max(0.5, cut)))
