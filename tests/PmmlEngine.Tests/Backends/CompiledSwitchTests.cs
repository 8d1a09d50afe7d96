using PmmlEngine.Backends.Compiled;
using E = System.Linq.Expressions.Expression;

namespace PmmlEngine.Tests.Backends;

/// <summary>Deferred blocks compile on their first call and then take the first-call delegate's place.</summary>
public sealed class CompiledSwitchTests
{
    [Test]
    public void ADeferredBlock_CompilesOnFirstCall_AndReplacesItsEntries()
    {
        var cases = Enumerable.Range(0, 6).Select(k => new CompiledSwitch.Case(k, $"case {k}", _ => E.Constant(k * 10)));
        var byKey = CompiledSwitch.Compile<int>(6, cases, _ => Assert.Fail("no case falls back"), deferred: true);
        var firstCall = byKey[1]!;
        Assert.That(byKey[3], Is.SameAs(firstCall), "one block of four shares its first-call delegate");
        Assert.That(byKey[4], Is.Not.SameAs(firstCall), "the fifth case starts the next block");

        Assert.That(firstCall(null!, 1), Is.EqualTo(10));
        Assert.That(byKey[1], Is.Not.SameAs(firstCall), "the compiled delegate replaces the first-call one");
        Assert.That(byKey[3], Is.SameAs(byKey[1]));
        Assert.That(byKey[3]!(null!, 3), Is.EqualTo(30));
        Assert.That(firstCall(null!, 2), Is.EqualTo(20), "a caller still holding the first-call delegate gets the same results");
        Assert.That(byKey[5]!(null!, 5), Is.EqualTo(50), "the next block compiles on its own first call");
    }
}
