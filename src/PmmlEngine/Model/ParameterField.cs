using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record ParameterField(string Name, OpType? OpType, DataType? DataType);
