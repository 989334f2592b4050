namespace Catalog.Japanese.Tokenization;

/// <summary>
/// The Kuromoji search's output side: committing the best path up to a frontier as tokens, and
/// search mode's second-best segmentation of each penalised word on that path, kept beside the
/// compound (Lucene's JapaneseTokenizer.backtrace and pruneAndRescore).
/// </summary>
internal sealed partial class KuromojiLattice
{
    /// <summary>A token of the backtrace before output: Kuromoji's pending token.</summary>
    private readonly record struct Pending(int Start, int Length, int Entry, NodeKind Kind, int UserPart, int PositionLength);

    private readonly List<Pending> _pending = [];

    /// <summary>
    /// Removes the arcs that cross <paramref name="startPos"/> and re-scores [startPos, endPos] with
    /// penalties on every arc, starting from the best path's arc at startPos, so the arcs arriving
    /// at endPos now carry the cheapest penalised segmentations of the compound's span.
    /// </summary>
    private void PruneAndRescore(ReadOnlySpan<char> text, int startPos, int endPos, int bestStartIndex)
    {
        for (int pos = endPos; pos > startPos; pos--)
        {
            var data = _positions.Get(pos);
            for (int i = 0; i < data.Count; i++)
            {
                int back = data.Arcs[i].BackPos;
                if (back >= startPos)
                {
                    _positions.Get(back).AddForward(pos, data.Arcs[i].Id, data.Arcs[i].Type);
                }
            }
            data.Count = 0;
        }

        for (int pos = startPos; pos < endPos; pos++)
        {
            var data = _positions.Get(pos);
            if (data.Count == 0)
            {
                data.ForwardCount = 0;
                continue;
            }
            if (pos == startPos)
            {
                ref var best = ref data.Arcs[bestStartIndex];
                int rightId = startPos == 0 ? 0 : RightId(best.Id, best.Type);
                int pathCost = best.Cost;
                for (int f = 0; f < data.ForwardCount; f++)
                {
                    var fw = data.Forwards[f];
                    int cost = pathCost + WordCost(fw.Id, fw.Type) + _dict.ConnectionCost(rightId, LeftId(fw.Id, fw.Type))
                        + Penalty(text, pos, fw.ToPos - pos);
                    _positions.Get(fw.ToPos).Add(new KuromojiArc
                    {
                        Cost = cost, RightId = RightId(fw.Id, fw.Type), BackPos = pos, BackIndex = bestStartIndex, Id = fw.Id, Type = fw.Type,
                    });
                }
            }
            else
            {
                for (int f = 0; f < data.ForwardCount; f++)
                {
                    var fw = data.Forwards[f];
                    Add(text, data, fw.ToPos, fw.Id, fw.Type, addPenalty: true);
                }
            }
            data.ForwardCount = 0;
        }
    }

    private void Backtrace(ReadOnlySpan<char> text, KuromojiPosition endData, int fromIndex, List<Segment> output)
    {
        int endPos = endData.Pos;
        int pos = endPos;
        int bestIndex = fromIndex;
        Pending? alt = null;
        int lastLeftId = -1;
        int backCount = 0;
        _pending.Clear();

        while (pos > _lastBackTracePos)
        {
            var data = _positions.Get(pos);
            ref var arc = ref data.Arcs[bestIndex];
            int backPos = arc.BackPos;
            int length = pos - backPos;
            var backType = arc.Type;
            int backId = arc.Id;
            int nextBestIndex = arc.BackIndex;

            if (_outputCompounds && _searchMode && alt is null && backType != NodeKind.User)
            {
                int penalty = Penalty(text, backPos, pos - backPos);
                if (penalty > 0)
                {
                    int maxCost = arc.Cost + penalty;
                    if (lastLeftId != -1)
                    {
                        maxCost += _dict.ConnectionCost(RightId(backId, backType), lastLeftId);
                    }
                    PruneAndRescore(text, backPos, pos, arc.BackIndex);

                    int leastCost = int.MaxValue;
                    int leastIndex = -1;
                    for (int i = 0; i < data.Count; i++)
                    {
                        int cost = data.Arcs[i].Cost;
                        if (lastLeftId != -1)
                        {
                            cost += _dict.ConnectionCost(RightId(data.Arcs[i].Id, data.Arcs[i].Type), lastLeftId);
                        }
                        if (cost < leastCost)
                        {
                            leastCost = cost;
                            leastIndex = i;
                        }
                    }
                    if (leastIndex != -1 && leastCost <= maxCost && data.Arcs[leastIndex].BackPos != backPos)
                    {
                        // Keep the compound; follow the second-best path through its span.
                        alt = new Pending(backPos, length, backId, backType, -1, 0);
                        bestIndex = leastIndex;
                        ref var second = ref data.Arcs[bestIndex];
                        nextBestIndex = second.BackIndex;
                        backPos = second.BackPos;
                        length = pos - backPos;
                        backType = second.Type;
                        backId = second.Id;
                        backCount = 0;
                    }
                }
            }

            if (alt is { } compound && compound.Start >= backPos)
            {
                if (backCount > 0)
                {
                    backCount++;
                    _pending.Add(compound with { PositionLength = backCount });
                }
                alt = null;
            }

            if (backType == NodeKind.User)
            {
                var entry = _user![backId];
                int at = backPos + entry.Surface.Length;
                for (int p = entry.Segments.Length - 1; p >= 0; p--)
                {
                    at -= entry.Segments[p].Length;
                    _pending.Add(new Pending(at, entry.Segments[p].Length, backId, NodeKind.User, p, 1));
                }
                backCount += entry.Segments.Length;
            }
            else if (_extendedMode && backType == NodeKind.Unknown)
            {
                // Unknown words become unigrams; a surrogate pair stays one token.
                for (int i = length - 1; i >= 0; i--)
                {
                    int charLength = 1;
                    if (i > 0 && char.IsLowSurrogate(text[backPos + i]))
                    {
                        i--;
                        charLength = 2;
                    }
                    if (!_discardPunctuation || !KuromojiCharacters.IsPunctuation(text[backPos + i]))
                    {
                        _pending.Add(new Pending(backPos + i, charLength, NgramEntry, NodeKind.Unknown, -1, 1));
                        backCount++;
                    }
                }
            }
            else if (!_discardPunctuation || length == 0 || !KuromojiCharacters.IsPunctuation(text[backPos]))
            {
                _pending.Add(new Pending(backPos, length, backId, backType, -1, 1));
                backCount++;
            }

            lastLeftId = LeftId(backId, backType);
            pos = backPos;
            bestIndex = nextBestIndex;
        }

        _lastBackTracePos = endPos;
        _positions.FreeBefore(endPos);

        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            var t = _pending[i];
            bool sameStart = t.Start == _lastTokenPos;
            output.Add(new Segment(t.Start, t.Length, t.Entry, t.Kind, t.UserPart, sameStart, sameStart ? t.PositionLength : 1));
            _lastTokenPos = t.Start;
        }
    }
}
