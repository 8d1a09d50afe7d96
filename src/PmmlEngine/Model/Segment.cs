using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record Segment(string Id, double Weight, Predicate Predicate, ModelElement Model);
