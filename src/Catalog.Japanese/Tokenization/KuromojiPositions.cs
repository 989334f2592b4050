namespace Catalog.Japanese.Tokenization;

/// <summary>
/// The table the Kuromoji search fills: per text position, the arcs arriving there (each with the
/// cheapest path cost up to it and a back pointer) and, during search mode's rescoring, the arcs
/// leaving it. Positions live in a ring buffer: [Base, Next) are live, older ones are recycled once
/// the search has committed the path before them. Not thread-safe: one per lattice.
/// </summary>
internal sealed class KuromojiPositions
{
    private KuromojiPosition[] _ring = [];

    public KuromojiPositions() => Grow(64);

    /// <summary>One past the last position handed out: the search's frontier test reads it.</summary>
    public int Next { get; private set; }

    private int Base { get; set; }

    /// <summary>The position <paramref name="pos"/>, creating empty ones up to it when the search reaches new ground.</summary>
    public KuromojiPosition Get(int pos)
    {
        while (pos >= Next)
        {
            if (Next - Base == _ring.Length)
            {
                Grow(_ring.Length * 2);
            }
            var fresh = _ring[Next & (_ring.Length - 1)];
            fresh.Pos = Next++;
            fresh.Count = 0;
            fresh.ForwardCount = 0;
        }
        return _ring[pos & (_ring.Length - 1)];
    }

    /// <summary>Positions before <paramref name="pos"/> are committed and may be recycled.</summary>
    public void FreeBefore(int pos) => Base = Math.Max(Base, pos);

    /// <summary>Starts a new text.</summary>
    public void Reset()
    {
        Base = 0;
        Next = 0;
    }

    private void Grow(int capacity)
    {
        var ring = new KuromojiPosition[capacity];
        for (int p = Base; p < Next; p++)
        {
            ring[p & (capacity - 1)] = _ring[p & (_ring.Length - 1)];
        }
        for (int i = 0; i < capacity; i++)
        {
            ring[i] ??= new KuromojiPosition();
        }
        _ring = ring;
    }
}

/// <summary>An arc of the lattice as it arrives at a position.</summary>
internal struct KuromojiArc
{
    public int Cost;      // path cost up to and including this arc
    public int RightId;
    public int BackPos;   // where the arc starts
    public int BackIndex; // index of the best arc arriving at BackPos
    public int Id;        // dictionary entry, or user entry for user words
    public NodeKind Type;
}

/// <summary>An arc as it leaves a position (search mode's rescoring walks the span forwards).</summary>
internal struct KuromojiForward
{
    public int ToPos;
    public int Id;
    public NodeKind Type;
}

/// <summary>One text position: the arcs arriving (in lookup order) and, while rescoring, those leaving.</summary>
internal sealed class KuromojiPosition
{
    public int Pos;
    public int Count;
    public KuromojiArc[] Arcs = new KuromojiArc[8];
    public int ForwardCount;
    public KuromojiForward[] Forwards = new KuromojiForward[4];

    public void Add(in KuromojiArc arc)
    {
        if (Count == Arcs.Length)
        {
            Array.Resize(ref Arcs, Count * 2);
        }
        Arcs[Count++] = arc;
    }

    public void AddForward(int toPos, int id, NodeKind type)
    {
        if (ForwardCount == Forwards.Length)
        {
            Array.Resize(ref Forwards, ForwardCount * 2);
        }
        Forwards[ForwardCount++] = new KuromojiForward { ToPos = toPos, Id = id, Type = type };
    }
}
