using PmmlEngine.Planning;

namespace PmmlEngine.Tests.Planning;

/// <summary>
/// A categorical field's texts are found at their positions, and no other text is: texts that share a length and their
/// first, middle and last characters (what picks the slot) differ only in the comparison.
/// </summary>
[TestFixture]
public sealed class TextPositionsTests
{
    private static readonly string[] Audit =
        ["Associate", "Bachelor", "College", "Doctorate", "HSgrad", "Master", "Preschool", "Professional", "Vocational", "Yr10", "Yr11", "Yr12", "Yr1t4", "Yr5t6", "Yr7t8", "Yr9"];

    [Test]
    public void DeclaredTexts_AreFoundAtTheirPositions_AndNoOthers()
    {
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var count = round < 200 ? random.Next(1, 40) : random.Next(40, 400);
            var texts = Enumerable.Range(0, count).Select(_ => RandomText(random)).Distinct().ToArray();
            var table = new TextPositions(Positions(texts));
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.That(table.TryGetValue(new string(texts[i]), out var position), Is.True, texts[i]);
                Assert.That(position, Is.EqualTo(i), texts[i]);
            }
            foreach (var text in texts)
            {
                foreach (var near in Near(text).Where(n => !texts.Contains(n)))
                {
                    Assert.That(table.TryGetValue(near, out var position), Is.False, $"'{near}' beside '{text}'");
                    Assert.That(position, Is.EqualTo(-1));
                    Assert.That(table.Contains(near), Is.False);
                }
            }
            Assert.That(table.Contains(""), Is.False);
        }
    }

    [Test]
    public void FieldsOfAFewDozenTexts_AreProbedOnce()
    {
        Assert.That(new TextPositions(Positions(Audit)).IsProbed, Is.True);
        var many = Enumerable.Range(0, 5000).Select(i => $"code{i}").ToArray();
        var large = new TextPositions(Positions(many));
        Assert.That(large.IsProbed, Is.False, "thousands of texts are left to the dictionary");
        Assert.That(many.Select((t, i) => large.TryGetValue(t, out var p) && p == i).All(found => found), Is.True);
    }

    [Test]
    public void TheEmptyText_IsFound()
    {
        var withEmpty = new TextPositions(Positions(["", "a"]));
        Assert.That(withEmpty.TryGetValue("", out var empty) && empty == 0, Is.True);
        Assert.That(withEmpty.TryGetValue("a", out var a) && a == 1, Is.True);
    }

    private static Dictionary<string, int> Positions(string[] texts) =>
        texts.Select((t, i) => KeyValuePair.Create(t, i)).ToDictionary(StringComparer.Ordinal);

    private static string RandomText(Random random)
    {
        // A small alphabet makes shared lengths and end characters common.
        // Lengths 1 to 20 reach every width the comparison loads texts by.
        var length = random.Next(1, 21);
        return new string(Enumerable.Range(0, length).Select(_ => "abAB1-é"[random.Next(7)]).ToArray());
    }

    /// <summary>Texts one edit away, among them ones that keep the characters the slot is computed from.</summary>
    private static IEnumerable<string> Near(string text)
    {
        for (var i = 0; i < text.Length; i++)
            yield return text[..i] + (char)(text[i] + 1) + text[(i + 1)..];
        yield return text + "a";
        yield return text[..^1];
        yield return text.ToUpperInvariant();
    }
}
