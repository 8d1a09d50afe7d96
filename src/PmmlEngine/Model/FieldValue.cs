using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A Value element: a value that is valid, invalid or stands for missing, with an optional display form.</summary>
public sealed record FieldValue(string Value, ValueProperty Property, string? DisplayValue);
