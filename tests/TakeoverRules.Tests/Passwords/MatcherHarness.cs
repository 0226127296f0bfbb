using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords;

/// <summary>Runs one internal matcher on a text prepared the way the estimator prepares it.</summary>
internal static class MatcherHarness
{
    public static Candidate[] Run(string text, Action<EstimationScratch, int> matcher)
    {
        var scratch = Prepare(text);
        try
        {
            matcher(scratch, text.Length);
            return scratch.Matches.AsSpan(0, scratch.MatchCount).ToArray();
        }
        finally
        {
            EstimationScratch.Return(scratch);
        }
    }

    public static EstimationScratch Prepare(string text)
    {
        var scratch = EstimationScratch.Rent(Math.Max(text.Length, 16));
        text.AsSpan().CopyTo(scratch.Text);
        text.AsSpan().ToLowerInvariant(scratch.Lower);
        Decomposition.PrepareBruteForce(scratch, text.Length);
        return scratch;
    }

    public static Candidate[] Dictionary(string text) => Run(text, DictionaryMatcher.Match);

    public static Candidate[] Keyboard(string text) => Run(text, KeyboardMatcher.Match);

    public static Candidate[] Sequence(string text) => Run(text, SequenceMatcher.Match);

    public static Candidate[] Dates(string text) => Run(text, (s, n) => DateMatcher.Match(s, n, 2026));

    public static Candidate[] Phones(string text) => Run(text, (s, n) => PhoneNumberMatcher.Match(s, n, 0));

    public static Candidate[] Repeats(string text) => Run(text, (s, n) =>
    {
        DictionaryMatcher.Match(s, n);
        SequenceMatcher.Match(s, n);
        var before = s.MatchCount;
        RepeatMatcher.Match(s, n, before);
        s.Matches.AsSpan(before, s.MatchCount - before).CopyTo(s.Matches);
        s.MatchCount -= before;
    });
}
