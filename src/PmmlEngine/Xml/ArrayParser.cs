using System.Collections.Immutable;
using System.Text;
using System.Xml.Linq;
using PmmlEngine.Errors;

namespace PmmlEngine.Xml;

/// <summary>PMML Array content: whitespace-separated items, double-quoted when they contain spaces.</summary>
internal static class ArrayParser
{
    public static ImmutableArray<string> ParseStrings(ParseContext context, XElement array)
    {
        var text = array.Text();
        var items = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] == '"')
            {
                var item = new StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        item.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    else
                    {
                        item.Append(text[i++]);
                    }
                }
                if (!closed)
                    context.Report(MarkupProblemKind.InvalidElement, array, "Array has an unterminated quoted item");
                items.Add(item.ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    i++;
                items.Add(text[start..i]);
            }
        }
        if (array.Attribute("n") is not null && context.Integer(array, "n", items.Count) is var count && count != items.Count)
            context.Report(MarkupProblemKind.InvalidElement, array, $"Array declares n={count} but holds {items.Count} items");
        return items.ToImmutable();
    }
}
