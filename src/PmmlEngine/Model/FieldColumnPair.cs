using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record FieldColumnPair(string Field, string Column);
