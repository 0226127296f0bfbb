using System.Globalization;
using System.Text;

namespace TakeoverRules.Prevention;

/// <summary>Writes a <see cref="SecurityPosture"/> as plain text, Markdown or JSON.</summary>
internal static class PostureFormats
{
    public static string Json(SecurityPosture posture) => PreventionJsonContext.Readable.Write(posture);

    public static string Text(SecurityPosture posture, CultureInfo? language, bool markdown)
    {
        var text = new StringBuilder(2048);
        var heading = T(language, $"セキュリティ対策の状況: 総合 {posture.Overall} / 100", $"Security posture: overall {posture.Overall} / 100");
        text.AppendLine(markdown ? "# " + heading : heading).AppendLine();
        if (markdown)
        {
            text.Append("| ").Append(T(language, "項目", "Factor")).Append(" | ").Append(T(language, "点", "Score")).Append(" | ")
                .Append(T(language, "状況", "Finding")).AppendLine(" |").AppendLine("|---|---|---|");
        }

        foreach (var factor in posture.Factors)
        {
            var score = $"{factor.Score.ToString(CultureInfo.InvariantCulture)}/{PostureFactorScore.MaxScore.ToString(CultureInfo.InvariantCulture)}";
            text.AppendLine(markdown
                ? $"| {Line(factor.Label.In(language))} | {score} | {Line(factor.Finding.In(language))} |"
                : $"{Line(factor.Label.In(language))}: {score} — {Line(factor.Finding.In(language))}");
        }

        if (posture.NextActions.Count > 0)
        {
            text.AppendLine().AppendLine(markdown ? "## " + T(language, "次にやること(効果の大きい順)", "Next actions (most valuable first)") : T(language, "次にやること(効果の大きい順):", "Next actions (most valuable first):"));
            var n = 1;
            foreach (var action in posture.NextActions)
            {
                text.Append(n++.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Line(action.Action.In(language)))
                    .Append(T(language, $" (+{action.Gain}点)", $" (+{action.Gain} points)")).AppendLine();
                text.Append("   ").AppendLine(Line(action.Why.In(language)));
            }
        }

        return text.ToString();

        string Line(string free) => markdown ? MarkdownText.Inline(free) : PlainText.OneLine(free);
    }

    private static string T(CultureInfo? language, string ja, string en) => new BilingualText(ja, en).In(language);
}
