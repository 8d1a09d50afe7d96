using System.Runtime.CompilerServices;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A field as one model sees it after its MiningField's missing, invalid and outlier treatments.</summary>
public sealed class PreparedSlot(string name, DataType dataType, OpType opType, int source, MiningField field, FieldDomain? domain, Value missingReplacement, Value invalidReplacement)
    : SlotDefinition(name, dataType, opType)
{
    public int Source { get; } = source;
    public MiningField Field { get; } = field;
    public FieldDomain? Domain { get; } = domain;
    public Value MissingReplacement { get; } = missingReplacement;
    public Value InvalidReplacement { get; } = invalidReplacement;

    /// <summary>
    /// Whether the treatments leave every number as it is: the field accepts every number and the MiningField sets no
    /// outlier bounds (the common plain numeric input, which preparation then passes through unchecked).
    /// </summary>
    public bool PassesNumbers { get; } = (domain is null || domain.AcceptsEveryNumber)
        && (field.Outliers == OutlierTreatment.AsIs || field.LowValue is null && field.HighValue is null);

    /// <summary>
    /// Whether the treatments leave this value as it is because it is one the field takes as valid and not a missing
    /// marker: a number within the outlier bounds, or a category of a field that is not continuous. Other values
    /// (missing, invalid, booleans, dates) go through the treatments in full. A valid value that carries its position (an
    /// integer category read from its declared text) is kept by that position, as a category's text is, rather than
    /// looked up again by its number.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Keeps(Value value) => value.Kind == ValueKind.Number
        ? KeepsValidValues && Domain!.PositionOf(value) >= 0 || KeepsNumber(value.Number)
        : value.Kind == ValueKind.String && (KeepsValidValues && Domain!.PositionOf(value) >= 0 || KeepsCategory(value));

    /// <summary><see cref="Keeps"/> for the number <see cref="Value.Of(double)"/> makes a value of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool KeepsNumber(double x) => KeepsNumberAtOnce(x) || KeepsOtherNumber(Value.Of(x));

    /// <summary>
    /// Whether <see cref="KeepsNumber"/> holds by the checks that make no call (every number passes, or this one is within
    /// the kept bounds); false leaves the answer to <see cref="KeepsNumber"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool KeepsNumberAtOnce(double x) => PassesNumbers || x >= _kept.Low && x <= _kept.High;

    /// <summary>
    /// Whether every valid value of the field is kept (none is also a missing marker or listed invalid): a category read
    /// from its declared text, or a whole number of an integer category set as its position, then needs no more than its
    /// position. A field that is not continuous sets no outlier bounds, so its valid numbers are kept as its texts are.
    /// </summary>
    public bool KeepsValidValues { get; } = opType != OpType.Continuous && domain is { ValidValues.Count: > 0 }
        && domain.ValidValues.All(v => !domain.IsMissingValue(v)
            && (v.Kind == ValueKind.String ? domain.IsValid(v) : v.Kind == ValueKind.Number && domain.IsValidNumber(v)));

    // Numbers from Low to High are kept (an empty range where that takes more than the bounds): two comparisons decide
    // the usual input of a field that declares an interval, as sklearn2pmml's all do, before the full check.
    private readonly (double Low, double High) _kept = KeptNumbers(field, domain, opType);

    /// <summary>
    /// Bounds within which every number is kept: the field's first interval, its open ends closed on the next double in,
    /// within the outlier bounds; none when a number could be a listed invalid value or missing marker.
    /// </summary>
    private static (double Low, double High) KeptNumbers(MiningField field, FieldDomain? domain, OpType opType)
    {
        var (low, high) = (double.NegativeInfinity, double.PositiveInfinity);
        if (domain is not null)
        {
            if (!domain.IsContinuous || domain.HasInvalidValues || domain.HasMissingNumbers)
                return (double.PositiveInfinity, double.NegativeInfinity);
            if (domain.Intervals is [var first, ..])
            {
                low = first.Closure is IntervalClosure.OpenOpen or IntervalClosure.OpenClosed ? Math.BitIncrement(first.Left) : first.Left;
                high = first.Closure is IntervalClosure.OpenOpen or IntervalClosure.ClosedOpen ? Math.BitDecrement(first.Right) : first.Right;
            }
        }
        if (field.Outliers != OutlierTreatment.AsIs && opType == OpType.Continuous)
        {
            low = Math.Max(low, field.LowValue ?? double.NegativeInfinity);
            high = Math.Min(high, field.HighValue ?? double.PositiveInfinity);
        }
        return (low, high);
    }

    private bool KeepsCategory(Value text) =>
        OpType != OpType.Continuous && (Domain is not { } domain || !domain.IsMissingValue(text) && domain.IsValid(text));

    private bool KeepsOtherNumber(Value value)
    {
        if (Domain is { } domain && (domain.IsMissingValue(value) || !domain.IsValidNumber(value)))
            return false;
        if (Field.Outliers == OutlierTreatment.AsIs || OpType != OpType.Continuous)
            return true;
        var x = value.Number;
        return !(Field.LowValue is { } low && x < low) && !(Field.HighValue is { } high && x > high);
    }
}
