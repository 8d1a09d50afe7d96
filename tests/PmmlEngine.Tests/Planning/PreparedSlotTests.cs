using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Planning;

/// <summary>
/// <see cref="PreparedSlot.Keeps"/> says a number passes the MiningSchema's treatments unchanged exactly when PMML says
/// it does: not a missing marker, valid for the field (in an interval, not listed invalid), within the outlier bounds.
/// Numbers on and one double either side of every margin and bound test the closed range the slot checks first.
/// </summary>
[TestFixture]
public sealed class PreparedSlotTests
{
    /// <summary>
    /// <see cref="PreparedSlot.KeepsValidValues"/> holds exactly when <see cref="PreparedSlot.Keeps"/> holds for every
    /// valid value: texts and whole-number categories alike, unless a valid value is also a missing marker, or the
    /// field is continuous (where outlier bounds may move its numbers).
    /// </summary>
    [Test]
    public void KeepsValidValues_IsKeepsOfEveryValidValue()
    {
        var fields = new (OpType, DataType, string[] Valid, string[] Missing)[]
        {
            (OpType.Categorical, DataType.String, ["a", "b"], []),
            (OpType.Categorical, DataType.String, ["a", "b"], ["b"]),
            (OpType.Categorical, DataType.Integer, ["3", "4", "8"], []),
            (OpType.Ordinal, DataType.Double, ["0.5", "4"], []),
            (OpType.Categorical, DataType.Integer, ["3", "4", "8"], ["4"]),
            (OpType.Continuous, DataType.Double, ["3", "4"], []),
        };
        foreach (var (opType, type, valid, missing) in fields)
        {
            var field = new DataField("x", null, opType, type,
                [.. valid.Select(v => new FieldValue(v, ValueProperty.Valid, null)), .. missing.Select(m => new FieldValue(m, ValueProperty.Missing, null))], [], SourceLocation.None);
            var domain = new FieldDomain(field);
            var mining = new MiningField("x", UsageType.Active, null, OutlierTreatment.AsExtremeValues, 3.5, 5, null,
                MissingValueTreatment.AsIs, InvalidValueTreatment.ReturnInvalid, null, SourceLocation.None);
            var slot = new PreparedSlot("x", type, opType, 0, mining, domain, Value.Missing, Value.Missing);
            var expected = opType != OpType.Continuous && domain.ValidValues.All(v => slot.Keeps(Unpositioned(v)));
            var name = $"{opType} {type} [{string.Join(",", valid)}] missing [{string.Join(",", missing)}]";
            Assert.That(slot.KeepsValidValues, Is.EqualTo(expected), name);
            // A valid value read from its declared text carries its position; it is kept exactly when the same value
            // without one is.
            foreach (var value in domain.ValidValues)
                Assert.That(slot.Keeps(value), Is.EqualTo(slot.Keeps(Unpositioned(value))), $"{name}: {value}");
        }
    }

    /// <summary>The same value as a fresh one, without the position its field's domain gave it.</summary>
    private static Value Unpositioned(Value value) =>
        value.Kind == ValueKind.String ? Value.Of(new string(((string)value.Payload!).AsSpan())) : Value.Of(value.Number);

    [Test]
    public void Keeps_IsTheTreatmentsVerdict_OnEveryMarginAndBound()
    {
        var domains = new (Interval[] Intervals, (string, ValueProperty)[] Values)[]
        {
            ([], []),
            ([new(IntervalClosure.ClosedClosed, 1, 6.9)], []),
            ([new(IntervalClosure.OpenOpen, 0.1, 2.5)], [("NaN", ValueProperty.Missing)]),
            ([new(IntervalClosure.OpenClosed, -1, 1), new(IntervalClosure.ClosedOpen, 5, 9)], []),
            ([new(IntervalClosure.ClosedOpen, double.NegativeInfinity, 3)], [("2", ValueProperty.Invalid)]),
            ([new(IntervalClosure.ClosedClosed, 0, 10)], [("-999", ValueProperty.Missing), ("7", ValueProperty.Missing)]),
            ([new(IntervalClosure.ClosedClosed, 0, 10)], [("12", ValueProperty.Valid)]),
        };
        var bounds = new (OutlierTreatment, double?, double?)[]
        {
            (OutlierTreatment.AsIs, 2, 3),
            (OutlierTreatment.AsMissingValues, 0.5, 2),
            (OutlierTreatment.AsExtremeValues, null, 6),
            (OutlierTreatment.AsExtremeValues, -0.5, null),
        };
        foreach (var (intervals, values) in domains)
        {
            var field = new DataField("x", null, OpType.Continuous, DataType.Double,
                [.. values.Select(v => new FieldValue(v.Item1, v.Item2, null))], [.. intervals], SourceLocation.None);
            var domain = new FieldDomain(field);
            foreach (var (outliers, low, high) in bounds)
            {
                var mining = new MiningField("x", UsageType.Active, null, outliers, low, high, null,
                    MissingValueTreatment.AsIs, InvalidValueTreatment.AsIs, null, SourceLocation.None);
                var slot = new PreparedSlot("x", DataType.Double, OpType.Continuous, 0, mining, domain, Value.Missing, Value.Missing);
                var edges = intervals.SelectMany(i => new[] { i.Left, i.Right }).Concat([low ?? 0, high ?? 0, 2, 7, 12, -999, 0, 100]);
                foreach (var x in edges.SelectMany(e => new[] { Math.BitDecrement(e), e, Math.BitIncrement(e) }).Append(double.NaN))
                {
                    var value = Value.Of(x);
                    var kept = !domain.IsMissingValue(value) && domain.IsValid(value)
                        && (outliers == OutlierTreatment.AsIs || !(x < low) && !(x > high));
                    Assert.That(slot.Keeps(value), Is.EqualTo(kept), $"{x:R} in [{string.Join(", ", intervals.Select(i => i.ToString()))}] {outliers} {low} {high}");
                }
            }
        }
    }
}
