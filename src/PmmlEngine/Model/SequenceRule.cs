namespace PmmlEngine.Model;

/// <summary>A SequenceRule: antecedent and consequent sequence ids, the delimiter between them, and its measures.</summary>
public sealed record SequenceRule(string Id, string Antecedent, SequenceDelimiter Delimiter, string Consequent, double Support, double Confidence,
    double? Lift, Errors.SourceLocation Location);
