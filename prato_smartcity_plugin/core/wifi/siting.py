"""Choosing where new access points go: greedy maximum coverage with lazy evaluation (CELF), explained pick by pick.

The problem: among candidate sites, choose N that maximise the demand (weight) newly covered, given the demand the
existing access points already cover. Covered demand is a monotone submodular function of the chosen set, so:

- **Without a minimum spacing** (exclusion areas only remove candidates), the greedy choice -- at each step the
  site with the largest marginal gain -- covers at least (1 - 1/e) ~ 63 % of what the best possible N sites among
  the allowed candidates would add (Nemhauser, Wolsey & Fisher 1978), and no polynomial method does better in
  general (Feige 1998). Lazy evaluation (CELF, Leskovec et al. 2007) picks exactly the same sites as the plain
  greedy: by submodularity a gain computed earlier is an upper bound of the current one, so only the top of the
  queue needs recomputing.
- **With a minimum spacing**, the feasible sets (at most N sites, pairwise at least the spacing apart) form a
  5-system: within the spacing of one site, at most five sites can be pairwise spaced (their angles differ by more
  than 60 degrees). The greedy (which skips sites too close to a chosen one) then guarantees only 1/(5+1) of the
  optimum (Fisher, Nemhauser & Wolsey 1978) -- a weak worst case; it is still the usual, good heuristic.
- Each run also reports a bound computed from the data (Leskovec et al. 2007): after any step i of the greedy,
  the optimum adds at most the gain so far plus the N largest gains any candidate would still add (CELF's stored
  gains are upper bounds of those, so no extra pass is needed); the smallest of these over all steps bounds the
  optimum, and the choice's gain divided by it is a proven lower bound of how close
  to optimal the choice is (with or without spacing). It is only a bound: the true ratio is often higher.

The candidate -> demand coverage index is built once with the numpy grid (:class:`geometry.PointIndex`), as a
compressed sparse row table; shapely is never called per pair.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from prato_smartcity_plugin.core.errors import CancelledError, InputError, Level
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.wifi import geometry
from prato_smartcity_plugin.core.wifi.coverage import Demand, covered_demand
from prato_smartcity_plugin.core.wifi.schema import AccessPoint, Note

DEFAULT_SITES = 14
#: The constant of the unconstrained guarantee, 1 - 1/e.
GREEDY_GUARANTEE = 1.0 - 1.0 / np.e
#: The worst-case guarantee with a minimum spacing (greedy over a 5-system).
SPACED_GREEDY_GUARANTEE = 1.0 / 6.0


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


@dataclass
class Candidates:
    xs: np.ndarray
    ys: np.ndarray
    names: list[str] = field(default_factory=list)
    #: Where the candidates came from, said in the results ("grid of 100 m", a layer's name).
    source: str = ""

    def __len__(self) -> int:
        return int(self.xs.size)

    def name(self, i: int) -> str:
        return self.names[i] if i < len(self.names) and self.names[i] else ""


def grid_candidates(area, spacing_m: float) -> Candidates:
    """Candidate sites on a square grid of ``spacing_m`` over ``area``."""
    xs, ys = geometry.grid_points(area, spacing_m)
    if xs.size == 0:
        raise InputError(tr("A grid of {spacing} m has no point inside the area of interest: choose a smaller "
                            "spacing or a larger area.").format(spacing=f"{spacing_m:g}"))
    return Candidates(xs, ys, [], tr("grid of {spacing} m").format(spacing=f"{spacing_m:g}"))


@dataclass
class SitePick:
    rank: int
    candidate: int
    x: float
    y: float
    name: str
    gain_count: int
    gain_weight: float
    cumulative_weight: float
    cumulative_share: float
    nearest_ap: str
    nearest_ap_m: float
    explanation: str = ""


@dataclass
class SiteSelection:
    picks: list[SitePick]
    weight_total: float
    weight_before: float
    weight_after: float
    count_total: int
    count_before: int
    count_after: int
    #: Lower bound of (gain of the picks) / (gain of the best possible N sites), from the data.
    optimality_bound: float
    spacing_m: float
    candidates_considered: int
    candidates_excluded: int
    notes: list[Note]
    weighted: bool = False
    #: Marginal gains recomputed by the lazy evaluation (the plain greedy recomputes every candidate at every step).
    evaluations: int = 0

    @property
    def share_before(self) -> float:
        return self.weight_before / self.weight_total if self.weight_total else 0.0

    @property
    def share_after(self) -> float:
        return self.weight_after / self.weight_total if self.weight_total else 0.0

    def guarantee_text(self) -> str:
        if self.spacing_m > 0:
            worst = tr("with a minimum spacing the greedy method guarantees at least 1/6 of the best possible gain")
        else:
            worst = tr("the greedy method guarantees at least 63% (1 - 1/e) of the best possible gain")
        return tr("In this run the chosen sites add at least {bound:.0%} of what the best possible {n} sites would "
                  "add; in general {worst}.").format(bound=self.optimality_bound, n=len(self.picks), worst=worst)


class CoverageIndex:
    """Which demand points each candidate covers, as CSR arrays (``indptr``, ``indices``)."""

    def __init__(self, candidates: Candidates, demand: Demand, radius_m: float):
        index = geometry.PointIndex(demand.xs, demand.ys, radius_m)
        rows, cols = index.query_pairs(candidates.xs, candidates.ys, radius_m)
        self.indices = cols
        self.indptr = np.zeros(len(candidates) + 1, dtype=np.int64)
        np.add.at(self.indptr, rows + 1, 1)
        self.indptr = np.cumsum(self.indptr)

    def covered_by(self, c: int) -> np.ndarray:
        return self.indices[self.indptr[c]:self.indptr[c + 1]]

    def gains(self, weights: np.ndarray) -> np.ndarray:
        """Sum of ``weights`` over each candidate's covered demand (every candidate at once)."""
        per_pair = np.concatenate([[0.0], np.cumsum(weights[self.indices])])
        return per_pair[self.indptr[1:]] - per_pair[self.indptr[:-1]]


#: How far the tie-break looks for the nearest existing access point.
TIE_SEARCH_M = 1000.0


def network_distance(candidates: Candidates, existing: Sequence[AccessPoint],
                     search_m: float = TIE_SEARCH_M) -> np.ndarray:
    """Distance from each candidate to the nearest existing access point (``inf`` beyond ``search_m``; zeros when
    there is no existing access point, so that ties then go by candidate order)."""
    if not existing:
        return np.zeros(len(candidates))
    out = np.full(len(candidates), np.inf)
    index = geometry.PointIndex([p.x for p in existing], [p.y for p in existing], search_m)
    for start in range(0, len(candidates), 2048):
        qx, qy = candidates.xs[start:start + 2048], candidates.ys[start:start + 2048]
        q, p = index.query_pairs(qx, qy, search_m)
        if q.size:
            np.minimum.at(out, q + start, np.hypot(index.xs[p] - qx[q], index.ys[p] - qy[q]))
    return out


def select_sites(candidates: Candidates, demand: Demand, existing: Sequence[AccessPoint] = (),
                 n_sites: int = DEFAULT_SITES, radius_m: float = 100.0, min_spacing_m: float = 0.0,
                 exclusion=None, spacing_from_existing: bool = True, feedback=None) -> SiteSelection:
    """Choose up to ``n_sites`` candidates maximising newly covered demand weight (greedy with CELF).

    ``existing`` access points (radii set, see :func:`coverage.prepare_access_points`) cover demand already and, when
    ``spacing_from_existing``, also keep new sites ``min_spacing_m`` away. Candidates inside ``exclusion`` (a shapely
    polygon) are never chosen. ``feedback`` may have ``is_canceled()`` and ``set_progress(percent)``.
    Equal gains go to the candidate nearest an existing access point (within :data:`TIE_SEARCH_M`), then to the one
    listed first, so results are reproducible.
    """
    if n_sites < 1:
        raise InputError(tr("The number of new access points must be at least 1."))
    if not radius_m > 0:
        raise InputError(tr("The radius of the new access points must be greater than zero."))
    if min_spacing_m < 0:
        raise InputError(tr("The minimum spacing cannot be negative."))
    if len(candidates) == 0:
        raise InputError(tr("There are no candidate sites."))
    geometry.require_projected(candidates.xs, candidates.ys, tr("the candidate sites"))
    notes: list[Note] = list(demand.notes)
    progress = getattr(feedback, "set_progress", None)

    allowed = np.ones(len(candidates), dtype=bool)
    if exclusion is not None and not exclusion.is_empty:
        # The tiny buffer excludes a site on the boundary of an exclusion area too.
        allowed &= ~geometry.contains_xy(exclusion.buffer(1e-6), candidates.xs, candidates.ys)
    excluded = int((~allowed).sum())
    cand_index = geometry.PointIndex(candidates.xs, candidates.ys, max(min_spacing_m, 1.0))
    if min_spacing_m > 0 and spacing_from_existing and existing:
        _, near = cand_index.query_pairs([p.x for p in existing], [p.y for p in existing], min_spacing_m)
        too_close = np.zeros(len(candidates), dtype=bool)
        too_close[near] = True
        too_close &= allowed
        if too_close.any():
            notes.append(Note(Level.INFO, tr("{n} candidate sites are closer than {d} m to an existing access point "
                                             "and are not considered.").format(n=int(too_close.sum()),
                                                                               d=f"{min_spacing_m:g}")))
        allowed &= ~too_close
    if excluded:
        notes.append(Note(Level.INFO, tr("{n} candidate sites lie in the exclusion areas and are not considered.")
                          .format(n=excluded)))
    if not allowed.any():
        raise InputError(tr("No candidate site is left once exclusion areas and spacing are applied."))

    covered = covered_demand(existing, demand) if existing else np.zeros(len(demand), dtype=bool)
    weights = demand.weights
    total_w = float(weights.sum())
    before_w = float(weights[covered].sum())
    before_n = int(covered.sum())
    if progress:
        progress(5)
    index = CoverageIndex(candidates, demand, radius_m)
    if progress:
        progress(30)
    gains = index.gains(np.where(covered, 0.0, weights))
    if not np.any(gains[allowed] > 0):
        if not np.any(index.gains(weights) > 0):
            raise InputError(tr("No candidate site is within {r} m of any demand point: check that the candidates and "
                                "the demand overlap (and their CRS).").format(r=f"{radius_m:g}"))
        raise InputError(tr("Every demand point that a candidate site could reach is already covered."))

    considered = int(allowed.sum())
    # Equal gains (frequent with an even demand grid) go to the site nearest the existing network, then to the
    # candidate listed first.
    near_network = network_distance(candidates, existing)
    heap = [(-float(g), float(near_network[c]), int(c)) for c, g in enumerate(gains) if allowed[c] and g > 0]
    heapq.heapify(heap)
    fresh_at = np.zeros(len(candidates), dtype=np.int64)  # len(picks) when the stored gain was computed
    ex_x = np.array([p.x for p in existing])
    ex_y = np.array([p.y for p in existing])
    picks: list[SitePick] = []
    cum_w, cum_n = before_w, before_n
    # Upper bounds of every candidate's current gain: stale gains stay valid bounds by submodularity, so the bound
    # on the best possible added weight is tightened after every pick without another pass over the index.
    upper = np.where(allowed, gains, 0.0)
    best_possible = _top_sum(upper, n_sites)
    evaluations = 0
    while heap and len(picks) < n_sites:
        if feedback is not None and getattr(feedback, "is_canceled", lambda: False)():
            raise CancelledError(tr("Site selection cancelled."))
        neg_gain, _, c = heapq.heappop(heap)
        if not allowed[c]:
            continue
        if fresh_at[c] != len(picks):
            members = index.covered_by(c)
            gain = float(weights[members][~covered[members]].sum())
            fresh_at[c] = len(picks)
            upper[c] = gain
            evaluations += 1
            if gain > 0:
                heapq.heappush(heap, (-gain, float(near_network[c]), c))
            continue
        gain = -neg_gain
        members = index.covered_by(c)
        new = members[~covered[members]]
        covered[new] = True
        cum_w += gain
        cum_n += int(new.size)
        allowed[c] = False
        upper[c] = 0.0
        if min_spacing_m > 0:
            _, near = cand_index.query_pairs(candidates.xs[c], candidates.ys[c], min_spacing_m)
            allowed[near] = False
        best_possible = min(best_possible, cum_w - before_w + _top_sum(upper, n_sites))
        ap_i, ap_d = geometry.nearest(ex_x, ex_y, candidates.xs[c], candidates.ys[c])
        picks.append(SitePick(len(picks) + 1, c, float(candidates.xs[c]), float(candidates.ys[c]),
                              candidates.name(c), int(new.size), gain, cum_w, cum_w / total_w if total_w else 0.0,
                              existing[ap_i].display_name() if ap_i >= 0 else "", ap_d))
        if progress:
            progress(30 + 65 * len(picks) / n_sites)
    if len(picks) < n_sites:
        notes.append(Note(Level.WARNING, tr("Only {k} of the {n} requested sites add covered demand; no other allowed "
                                            "candidate would cover anything new.").format(k=len(picks), n=n_sites)))

    added = cum_w - before_w
    best_possible = min(best_possible, added + _top_sum(upper, n_sites))
    bound = min(1.0, added / best_possible) if best_possible > 0 else 1.0
    result = SiteSelection(picks, total_w, before_w, cum_w, len(demand), before_n, cum_n, bound, min_spacing_m,
                           considered, excluded, notes, demand.weighted, evaluations)
    for pick in picks:
        pick.explanation = explain(pick, result)
    if progress:
        progress(100)
    return result


def _top_sum(values: np.ndarray, n: int) -> float:
    if values.size <= n:
        return float(values.sum())
    return float(np.partition(values, values.size - n)[values.size - n:].sum())


def explain(pick: SitePick, selection: SiteSelection) -> str:
    """Why a site was picked, in one translated sentence."""
    if selection.weighted:
        gain = tr("it covers {n} more demand points (weight {w:g}) that no access point reached").format(
            n=pick.gain_count, w=round(pick.gain_weight, 2))
    else:
        gain = tr("it covers {n} more demand points that no access point reached").format(n=pick.gain_count)
    text = tr("Rank {rank}: {gain}, the largest gain left; coverage rises to {share:.1%}.").format(
        rank=pick.rank, gain=gain, share=pick.cumulative_share)
    if pick.nearest_ap:
        text += " " + tr("Nearest existing access point: {name}, {d:.0f} m.").format(name=pick.nearest_ap,
                                                                                     d=pick.nearest_ap_m)
    return text


def summary_lines(selection: SiteSelection) -> list[str]:
    """A readable summary: coverage before/after, the guarantee, then one line per pick."""
    what = tr("demand weight") if selection.weighted else tr("demand points")
    lines = [
        tr("Coverage of the {what}: {before:.1%} before, {after:.1%} after {n} new access points.").format(
            what=what, before=selection.share_before, after=selection.share_after, n=len(selection.picks)),
        selection.guarantee_text(),
    ]
    lines += [pick.explanation for pick in selection.picks]
    lines += [note.message for note in selection.notes]
    return lines
