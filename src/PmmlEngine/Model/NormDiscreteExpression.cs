using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record NormDiscreteExpression(string Field, string Value, double? MapMissingTo, SourceLocation Location) : Expression(Location);
