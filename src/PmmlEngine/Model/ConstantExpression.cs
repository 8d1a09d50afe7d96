using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record ConstantExpression(string? Text, DataType? DataType, bool IsMissing, SourceLocation Location) : Expression(Location);
