using System.Runtime.Intrinsics;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The batch kernel adds a tree's scores to eight running sums per instruction; each kind must round exactly as the
/// single-record sum (<c>EnsembleInterpreter.SumAdd</c>) does, to the bit, on sums and scores of every magnitude.
/// </summary>
public sealed class LaneSumTests
{
    [TestCase("Plain")]
    [TestCase("Weighted")]
    [TestCase("Float")]
    public void EightLanes_AddAsTheSingleRecordSum(string name)
    {
        var kind = Enum.Parse<SumKind>(name);
        var random = new Random(17);
        var sums = new double[PackedTree.Lanes];
        for (var round = 0; round < 2000; round++)
        {
            // Magnitudes far apart make the rounding of every step visible; -0, 0 and float-subnormal scores test the edges.
            var scores = Enumerable.Range(0, PackedTree.Lanes).Select(_ => random.Next(8) switch
            {
                0 => -0.0,
                1 => 1e-40 * random.NextDouble(),
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 12)),
            }).ToArray();
            var weight = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 3));
            var expected = sums.Select((s, k) => EnsembleInterpreter.SumAdd(kind, s, scores[k], weight)).ToArray();
            var low = Vector256.Create(scores.AsSpan(0, 4));
            var high = Vector256.Create(scores.AsSpan(4, 4));
            switch (kind)
            {
                case SumKind.Plain: PlainLaneSum.Add(ref sums[0], low, high, weight); break;
                case SumKind.Weighted: WeightedLaneSum.Add(ref sums[0], low, high, weight); break;
                default: FloatLaneSum.Add(ref sums[0], low, high, weight); break;
            }
            for (var k = 0; k < PackedTree.Lanes; k++)
                Assert.That(BitConverter.DoubleToInt64Bits(sums[k]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[k])), $"round {round}, lane {k}: {sums[k]:R} vs {expected[k]:R}");
            // Start again now and then, so that small sums meet large scores as well as the other way round.
            if (round % 50 == 49)
                Array.Clear(sums);
        }
    }
}
