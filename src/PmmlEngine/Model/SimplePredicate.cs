using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record SimplePredicate(string Field, ComparisonOperator Operator, string? Value, SourceLocation Location) : Predicate(Location);
