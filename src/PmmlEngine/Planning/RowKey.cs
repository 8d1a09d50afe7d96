using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>The input columns of a MapValues row, compared by value.</summary>
public readonly struct RowKey(Value[] values) : IEquatable<RowKey>
{
    public Value[] Values { get; } = values;

    public bool Equals(RowKey other)
    {
        if (Values.Length != other.Values.Length)
            return false;
        for (var i = 0; i < Values.Length; i++)
            if (!Values[i].Equals(other.Values[i]))
                return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in Values)
            hash.Add(v);
        return hash.ToHashCode();
    }

    public static bool operator ==(RowKey left, RowKey right) => left.Equals(right);
    public static bool operator !=(RowKey left, RowKey right) => !left.Equals(right);
}
