using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Planning;

/// <summary>
/// Valid strings read at the input boundary become the field's own values, which later checks recognise by position;
/// a value that is not the field's own, even at the same position, is still judged by its text.
/// </summary>
[TestFixture]
public sealed class FieldDomainTests
{
    private static FieldDomain Domain(params string[] valid) => new(new DataField("x", null, OpType.Categorical, DataType.String,
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
    public void Values_StayThreeWordsWide() => Assert.That(Unsafe.SizeOf<Value>(), Is.EqualTo(24));
}
