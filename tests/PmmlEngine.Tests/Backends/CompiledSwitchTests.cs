using PmmlEngine.Backends.Compiled;
using E = System.Linq.Expressions.Expression;

namespace PmmlEngine.Tests.Backends;

/// <summary>Deferred blocks compile on their first call and then take the first-call delegate's place.</summary>
public sealed class CompiledSwitchTests
{
    [Test]
    public void ADeferredBlock_CompilesOnFirstCall_AndReplacesItsEntries()
    {
        var cases = Enumerable.Range(0, 20).Select(k => (k, $"case {k}", (Func<System.Linq.Expressions.ParameterExpression, E>)(_ => E.Constant(k * 10))));
        var byKey = CompiledSwitch.Compile<int>(20, cases, _ => Assert.Fail("no case falls back"), deferred: true);
        var firstCall = byKey[3]!;
        Assert.That(byKey[15], Is.SameAs(firstCall), "one block of sixteen shares its first-call delegate");

        Assert.That(firstCall(null!, 3), Is.EqualTo(30));
        Assert.That(byKey[3], Is.Not.SameAs(firstCall), "the compiled delegate replaces the first-call one");
        Assert.That(byKey[15], Is.SameAs(byKey[3]));
        Assert.That(byKey[15]!(null!, 15), Is.EqualTo(150));
        Assert.That(firstCall(null!, 7), Is.EqualTo(70), "a caller still holding the first-call delegate gets the same results");
        Assert.That(byKey[16]!(null!, 16), Is.EqualTo(160), "the next block compiles on its own first call");
    }
}
