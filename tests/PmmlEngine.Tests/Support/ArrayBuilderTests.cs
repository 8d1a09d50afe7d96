using PmmlEngine.Support;

namespace PmmlEngine.Tests.Support;

/// <summary>The load-time growable array keeps what was added, in order, across growth.</summary>
[TestFixture]
public sealed class ArrayBuilderTests
{
    [Test]
    public void Grows_AndKeepsItsElementsInOrder()
    {
        var builder = new ArrayBuilder<double>();
        var expected = new List<double>();
        var random = new Random(5);
        for (var step = 0; step < 500; step++)
        {
            switch (random.Next(4))
            {
                case 0 when builder.Count > 0:
                    builder.RemoveLast();
                    expected.RemoveAt(expected.Count - 1);
                    break;
                case 1:
                    var count = random.Next(0, 40);
                    builder.AddDefault(count);
                    expected.AddRange(new double[count]);
                    break;
                default:
                    builder.Add(step);
                    expected.Add(step);
                    break;
            }
            Assert.That(builder.ToArray(), Is.EqualTo(expected));
        }
        builder[0] = -1;
        Assert.That(builder[0], Is.EqualTo(-1));
        Assert.That(() => builder[builder.Count], Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void RemovingFromEmpty_Throws() =>
        Assert.That(() => new ArrayBuilder<int>().RemoveLast(), Throws.TypeOf<ArgumentOutOfRangeException>());
}
