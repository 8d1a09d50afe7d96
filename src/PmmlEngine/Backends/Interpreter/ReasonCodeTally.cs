namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// Points per reason code for one record, remembering the order codes were first met so equal points rank in that
/// order. Codes whose total is negative are not reported.
/// </summary>
internal sealed class ReasonCodeTally(string[] names)
{
    private readonly double[] _points = new double[names.Length];
    private readonly int[] _order = new int[names.Length];
    private int _count;

    public void Reset()
    {
        for (var i = 0; i < _count; i++)
            _points[_order[i]] = 0;
        _count = 0;
    }

    public void Add(int code, double points)
    {
        if (Array.IndexOf(_order, code, 0, _count) < 0)
            _order[_count++] = code;
        _points[code] += points;
    }

    /// <summary>The reason code at 1-based <paramref name="rank"/> (most points first), or null.</summary>
    public string? At(int rank)
    {
        var ranked = _order.Take(_count).Where(c => _points[c] >= 0).OrderByDescending(c => _points[c]).Skip(rank - 1);
        return ranked.Select(c => names[c]).FirstOrDefault();
    }
}
