using System.Text;
using System.Text.RegularExpressions;
using PmmlEngine.Functions;

namespace PmmlEngine.Tests.Functions;

/// <summary>The word-run tokenizer for "\w+" over ASCII text gives exactly the regex's matches (TextIndexTests: other text keeps the regex).</summary>
[TestFixture]
public sealed class AsciiWordRunsTests
{
    [Test]
    public void EveryAsciiCharacter_SplitsAsTheRegexDoes([Values] bool ignoreCase)
    {
        var regex = new Regex(@"\w+", RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
        var random = new Random(11);
        for (var n = 0; n < 3000; n++)
        {
            // Short texts over all 128 ASCII characters, weighted towards word characters so runs form.
            var text = new StringBuilder();
            for (var length = random.Next(0, 24); length > 0; length--)
                text.Append(random.Next(3) == 0 ? (char)random.Next(128) : "aZ_9q"[random.Next(5)]);
            var expected = regex.Matches(text.ToString()).Select(m => m.Value).ToList();
            var tokens = new List<string>();
            TextIndexer.AsciiWordRuns(text.ToString(), tokens);
            Assert.That(tokens, Is.EqualTo(expected), Escape(text.ToString()));
        }
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < ' ' || c == 127 ? $"\\x{(int)c:x2}" : c.ToString()));
}
