namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// How the learned model's guesses (<see cref="MarkovModel"/>) adjust the decomposition's: when the model's guesses
/// plus a margin are fewer, the estimate moves part of the way down toward them; it never rises above what the
/// patterns explain (a meter must not call a password stronger than a pattern it is known to contain). The pattern
/// matcher knows exact words and ranks; the model sees the habits between and around them (letter+digit shapes,
/// names with digits) that brute force overprices. Constants tuned on RockYou's odd lines
/// (TakeoverRules.PasswordEvaluation --tune) and reported on its even lines; see docs/passwords.md, "Learned model".
/// </summary>
internal static class LearnedModelBlend
{
    /// <summary>
    /// Decades added to the model's guesses before comparing; negative: the Monte Carlo rank counts every string the
    /// model prefers, most of which no list holds, so it runs above the patterns' guesses for the same password.
    /// </summary>
    public const double MarginLog10 = -1.5;

    /// <summary>Share of the gap the estimate moves when the model is cheaper.</summary>
    public const double Weight = 0.5625;

    /// <summary>The combined log10 guesses, at least 0 (one guess).</summary>
    public static double Combine(double patternLog10, double modelLog10) =>
        Combine(patternLog10, modelLog10, MarginLog10, Weight);

    /// <summary>The combined log10 guesses for given constants (the tuning harness searches them).</summary>
    public static double Combine(double patternLog10, double modelLog10, double margin, double weight)
    {
        var target = modelLog10 + margin;
        // Never below one guess.
        return target < patternLog10 ? Math.Max(0, patternLog10 - (weight * (patternLog10 - target))) : patternLog10;
    }
}
