using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record FieldRefExpression(string Field, string? MapMissingTo, SourceLocation Location) : Expression(Location);
