using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Planning;

/// <summary>
/// A categorical field's valid values read from their declared text become the field's own values, which later checks
/// recognise by position; a value that is not the field's own, even at the same position, is still judged by its value.
/// </summary>
[TestFixture]
public sealed class FieldDomainTests
{
    private static FieldDomain Domain(params string[] valid) => Domain(DataType.String, OpType.Categorical, valid);

    private static FieldDomain Domain(DataType type, OpType opType, params string[] valid) => new(new DataField("x", null, opType, type,
        valid.Select(v => new FieldValue(v, ValueProperty.Valid, null)).ToImmutableArray(), [], SourceLocation.None));

    [Test]
    public void ValidText_IsReadAsTheFieldsOwnValue()
    {
        var domain = Domain("a", "b", "c");
        Assert.That(domain.TryGetValid(new string(['b']), out var value), Is.True);
        Assert.That(value.Payload, Is.SameAs(domain.ValidValues[1].Payload));
        Assert.That(value, Is.EqualTo(Value.Of("b")));
        Assert.That(value.GetHashCode(), Is.EqualTo(Value.Of("b").GetHashCode()));
        Assert.That(domain.IsValid(value), Is.True);
        Assert.That(domain.TryGetValid("z", out _), Is.False);
    }

    /// <summary>
    /// A number field may declare "NaN" valid, even twice (found by fuzzing: the domain crashed looking the value up,
    /// as NaN equals nothing). It loads, and scoring treats a NaN as before: no record's value is the declared one.
    /// </summary>
    [Test]
    public void DeclaredValidNaN_Loads()
    {
        var twice = Domain(DataType.Double, OpType.Categorical, "1.5", "NaN", "NaN");
        Assert.That(twice.ValidValues, Has.Count.EqualTo(3));
        Assert.That(twice.PositionOfText("NaN"), Is.EqualTo(1), "a text declared twice reads as its first declaration");
        var xml = Evaluation.MiningSchemaTests.InvalidAsMissing(
            """<Interval closure="closedClosed" leftMargin="0" rightMargin="10"/><Value value="NaN"/>""", replacement: 1);
        foreach (var evaluator in Pmml.LoadBoth(xml))
        {
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", "2")))["y"], Is.EqualTo(5.0), evaluator.Backend.ToString());
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", "NaN")))["y"], Is.EqualTo(3.0), evaluator.Backend.ToString());
        }
    }

    [Test]
    public void TextEqualToAValidValue_IsValidWithoutBeingTheFieldsOwn()
    {
        var domain = Domain("a", "b");
        Assert.That(domain.IsValid(Value.Of(new string(['b']))), Is.True);
        Assert.That(domain.IsValid(Value.Of("q")), Is.False);
    }

    [Test]
    public void AnotherFieldsValue_IsJudgedByItsText()
    {
        var first = Domain("x", "y");
        var swapped = Domain("y", "x");
        var other = Domain("p", "q");
        foreach (var value in first.ValidValues)
        {
            Assert.That(swapped.IsValid(value), Is.True, value.ToString());
            Assert.That(other.IsValid(value), Is.False, value.ToString());
        }
    }

    [Test]
    public void IntegerCategories_AreReadByTheirDeclaredText()
    {
        // "08" declares the same value as "8": both texts read as it, at its one position.
        var domain = Domain(DataType.Integer, OpType.Categorical, "3", "8", "08", "12");
        Assert.That(domain.ValidValues, Has.Count.EqualTo(3));
        Assert.That(domain.TryGetValid("8", out var eight), Is.True);
        Assert.That(domain.TryGetValid("08", out var again), Is.True);
        Assert.That(new[] { eight, again }, Is.All.EqualTo(Value.Of(8.0)));
        Assert.That(domain.IsValid(eight), Is.True);
        Assert.That(domain.TryGetValid("8.0", out _), Is.False, "other spellings are parsed as before");
        Assert.That(domain.IsValid(Value.Of(8.0)), Is.True);
        Assert.That(domain.IsValid(Value.Of(9.0)), Is.False);

        // Another integer field's value at position 1 is 7 there: judged by its number, not its position.
        var other = Domain(DataType.Integer, OpType.Categorical, "1", "7");
        Assert.That(other.TryGetValid("7", out var seven), Is.True);
        Assert.That(domain.IsValid(seven), Is.False);
        Assert.That(other.IsValid(eight), Is.False);
    }

    [Test]
    public void ContinuousFields_ParseTheirText()
    {
        var domain = Domain(DataType.Double, OpType.Continuous, "1.5", "2.5");
        Assert.That(domain.TryGetValid("1.5", out _), Is.False);
        Assert.That(domain.IsValid(Value.Of(2.5)), Is.True);
    }

    [Test]
    public void IsValidNumber_IsIsValidForEveryNumber()
    {
        FieldDomain Make(OpType opType, (string Value, ValueProperty Property)[] values, params Interval[] intervals) =>
            new(new DataField("x", null, opType, DataType.Double,
                values.Select(v => new FieldValue(v.Value, v.Property, null)).ToImmutableArray(), [.. intervals], SourceLocation.None));
        var domains = new[]
        {
            Make(OpType.Continuous, []),
            Make(OpType.Continuous, [], new Interval(IntervalClosure.ClosedOpen, 0, 10), new Interval(IntervalClosure.OpenClosed, 20, 30)),
            Make(OpType.Continuous, [("15", ValueProperty.Valid), ("5", ValueProperty.Invalid)], new Interval(IntervalClosure.ClosedClosed, 0, 10)),
            Make(OpType.Continuous, [("7", ValueProperty.Invalid), ("-1", ValueProperty.Missing)]),
            Make(OpType.Categorical, [("1", ValueProperty.Valid), ("2", ValueProperty.Valid), ("3", ValueProperty.Invalid)]),
            Make(OpType.Ordinal, [("3", ValueProperty.Invalid)]),
        };
        double[] numbers = [-1, 0, 1, 2, 3, 5, 7, 9.99, 10, 15, 20, 20.5, 30, 31, double.NaN, double.NegativeInfinity, double.PositiveInfinity];
        foreach (var domain in domains)
            foreach (var x in numbers)
                Assert.That(domain.IsValidNumber(Value.Of(x)), Is.EqualTo(domain.IsValid(Value.Of(x))), $"{x} in domain {Array.IndexOf(domains, domain)}");
    }

    [Test]
    public void Values_StayThreeWordsWide() => Assert.That(Unsafe.SizeOf<Value>(), Is.EqualTo(24));
}
