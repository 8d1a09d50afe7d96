using System.Text;
using System.Text.RegularExpressions;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Fuzz;

/// <summary>
/// A fuzzer that needs no AFL: real documents (the conformance corpus and the samples) with one to three random edits
/// each: an attribute dropped, set to an odd value or given invalidValueTreatment="asIs", an empty element dropped, or a
/// Value declared beside one. Each document is loaded by both backends and, when it loads, scores a typical and an
/// all-missing record through the row scorer (every result read every way) and the batch. Anything but the errors the
/// engine promises is a crash: its document is saved and its exception printed.
/// </summary>
internal static partial class Mutations
{
    private static readonly string[] Odd = ["", "0", "-1", "-0", "1e308", "1e400", "NaN", "x", "asIs", "asMissing", "returnInvalid",
        "asValue", "float", "string", "integer", "boolean", "continuous", "categorical", "none", "defaultChild", "lastPrediction",
        "sum", "modelChain", "softmax", "2", "0.5", "true"];

    public static int Run(string root, TimeSpan duration, int seed, string findings)
    {
        var documents = Directory.GetFiles(Path.Combine(root, "..", "shared", "conformance"), "*.pmml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "pmml-samples"), "*.pmml"))
            .Where(f => new FileInfo(f).Length < 400_000).Select(File.ReadAllText).ToArray();
        var random = new Random(seed);
        var end = DateTime.UtcNow + duration;
        var (runs, crashes) = (0, 0);
        Directory.CreateDirectory(findings);
        while (DateTime.UtcNow < end)
        {
            var document = Mutate(documents[random.Next(documents.Length)], random);
            runs++;
            foreach (var backend in new[] { Backend.Compiled, Backend.Interpreter })
            {
                try
                {
                    Score(PmmlEvaluator.Load(new MemoryStream(Encoding.UTF8.GetBytes(document)), new EvaluatorOptions { Backend = backend }));
                }
                catch (PmmlException)
                {
                }
                catch (Exception e)
                {
                    var path = Path.Combine(findings, $"crash-{seed}-{++crashes}.pmml");
                    File.WriteAllText(path, document);
                    Console.WriteLine($"{backend}: {e.GetType().Name}: {e.Message} ({path})\n{e.StackTrace}");
                }
            }
        }
        Console.WriteLine($"{runs} documents, {crashes} crashes");
        return crashes == 0 ? 0 : 1;
    }

    private static string Mutate(string document, Random random)
    {
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var empties = EmptyElement().Matches(document);
            if (random.Next(4) == 0 && empties.Count > 0)
            {
                var e = empties[random.Next(empties.Count)];
                var replacement = random.Next(2) == 0 ? ""
                    : e.Value + $"<Value value=\"{Odd[random.Next(Odd.Length)]}\"{(random.Next(2) == 0 ? " property=\"invalid\"" : "")}/>";
                document = document[..e.Index] + replacement + document[(e.Index + e.Length)..];
                continue;
            }
            var attributes = Attribute().Matches(document);
            if (attributes.Count == 0)
                break;
            var a = attributes[random.Next(attributes.Count)];
            var (name, value) = (a.Groups[1].Value, a.Groups[2].Value);
            var edited = random.Next(3) switch
            {
                0 => "",
                1 => $"{name}=\"{Odd[random.Next(Odd.Length)]}\"",
                _ => $"{name}=\"{value}\" invalidValueTreatment=\"asIs\"",
            };
            document = document[..a.Index] + edited + document[(a.Index + a.Length)..];
        }
        return document;
    }

    private static void Score(PmmlEvaluator evaluator)
    {
        var fields = evaluator.InputFields;
        string? Typical(int i) => fields[i].Values.Count > 0 ? Convert.ToString(fields[i].Values[0], System.Globalization.CultureInfo.InvariantCulture) : "1.5";
        var scorer = evaluator.CreateScorer();
        foreach (var missing in new[] { false, true })
        {
            for (var i = 0; i < fields.Count; i++)
                scorer.SetInput(i, missing ? null : Typical(i));
            try
            {
                scorer.Evaluate();
                for (var j = 0; j < evaluator.ResultNames.Count; j++)
                {
                    scorer.GetNumber(j);
                    scorer.GetString(j);
                    scorer.GetValue(j);
                }
            }
            catch (PmmlEvaluationException)
            {
            }
        }
        if (fields.Count == 0 || evaluator.ResultNames.Count == 0)
            return;
        var inputs = new double[2 * fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            evaluator.TryEncodeBatchInput(i, Typical(i), out inputs[i]);
            inputs[fields.Count + i] = double.NaN;
        }
        evaluator.EvaluateBatch(inputs, new double[2 * evaluator.ResultNames.Count]);
    }

    [GeneratedRegex("(\\w+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<\\w+[^<>]*/>")]
    private static partial Regex EmptyElement();
}
