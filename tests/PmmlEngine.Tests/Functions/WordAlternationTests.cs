using System.Text;
using System.Text.RegularExpressions;
using PmmlEngine.Functions;

namespace PmmlEngine.Tests.Functions;

/// <summary>The stop-word fast path gives exactly what the regex, applied until nothing changes, gives.</summary>
[TestFixture]
public sealed class WordAlternationTests
{
    private const string Pattern = @"\b(0|a|about|an|and|the|is|it|its|x_y)\b";

    private static string ByRegex(string text, string replacement, bool caseSensitive)
    {
        var regex = new Regex(Pattern, RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase));
        for (var next = regex.Replace(text, replacement); next != text; next = regex.Replace(text, replacement))
            text = next;
        return text;
    }

    [Test]
    public void RandomAsciiTexts_MatchTheRegex([Values(" ", "", "-")] string replacement, [Values] bool caseSensitive)
    {
        var alternation = WordAlternation.TryCreate(Pattern, replacement, caseSensitive)!;
        string[] pieces = ["a", "A", "about", "About", "abouts", "an", "and", "the", "THE", "theme", "is", "it", "its", "it's",
            "0", "00", "x_y", "x", "_", "y", " ", "  ", ",", ".", "-", "'", "\t", "\n", "9a", "a9"];
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var text = new StringBuilder();
            for (var k = random.Next(0, 12); k > 0; k--)
                text.Append(pieces[random.Next(pieces.Length)]);
            var s = text.ToString();
            Assert.That(alternation.TryReplace(s), Is.EqualTo(ByRegex(s, replacement, caseSensitive)), $"'{s}'");
        }
    }

    [Test]
    public void NonAsciiText_IsLeftToTheRegex() =>
        Assert.That(WordAlternation.TryCreate(Pattern, " ", false)!.TryReplace("the café"), Is.Null);

    [TestCase(@"\b(a|can't)\b", " ")]
    [TestCase(@"\b(a|b)\b", "x")]
    [TestCase(@"\b(a|b)\b", "$1")]
    [TestCase(@"\b(a|b)+\b", " ")]
    [TestCase(@"\b(a|)\b", " ")]
    [TestCase(@"(a|b)", " ")]
    public void OtherRows_AreNotTakenOver(string pattern, string replacement) =>
        Assert.That(WordAlternation.TryCreate(pattern, replacement, false), Is.Null);
}
