using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A rule of a RuleSet: it applies when its predicate is true.</summary>
public abstract record Rule(Predicate Predicate, SourceLocation Location);
