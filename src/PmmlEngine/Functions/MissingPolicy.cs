namespace PmmlEngine.Functions;

/// <summary>What a built-in function does with missing arguments (PMML 4.4 Built-in Functions).</summary>
public enum MissingPolicy
{
    /// <summary>Any missing argument makes the result missing (and Apply's mapMissingTo applies).</summary>
    Propagate,
    /// <summary>Missing arguments are ignored (min, max, sum, avg, median, product).</summary>
    Skip,
    /// <summary>The function looks at missing arguments itself (isMissing, if, ...).</summary>
    Inspect,
}
