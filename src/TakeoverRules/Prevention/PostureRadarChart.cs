using System.Globalization;
using System.Text;
using System.Xml;

namespace TakeoverRules.Prevention;

/// <summary>
/// Draws a <see cref="SecurityPosture"/> as a radar chart in self-contained SVG: no scripts, no external fonts or
/// images, a viewBox so it scales, and a font stack that has Japanese glyphs on Windows, macOS and Linux.
/// Text goes through <see cref="XmlWriter"/>, so it is always escaped, and through <see cref="SvgText"/>, so it can always be written.
/// </summary>
internal static class PostureRadarChart
{
    /// <summary>Japanese-capable fonts first (Noto CJK on Linux, Hiragino on macOS, Yu Gothic / Meiryo on Windows).</summary>
    internal const string FontFamily =
        "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', YuGothic, Meiryo, 'IPAexGothic', sans-serif";

    internal const string CurrentSeriesId = "series-current";
    internal const string IdealSeriesId = "series-ideal";

    private const double Width = 760, Height = 640, CenterX = 380, CenterY = 335, Radius = 180;
    private const string Svg = "http://www.w3.org/2000/svg";

    public static string Render(SecurityPosture posture, CultureInfo? language)
    {
        var factors = posture.Factors;
        var text = new StringBuilder(8192);
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize }))
        {
            var title = T(language, "セキュリティ対策の状況", "Security posture");
            var overall = T(language, $"総合 {posture.Overall} / 100", $"Overall {posture.Overall} / 100");

            writer.WriteStartElement("svg", Svg);
            Attr(writer, "viewBox", $"0 0 {N(Width)} {N(Height)}");
            Attr(writer, "width", N(Width));
            Attr(writer, "height", N(Height));
            Attr(writer, "role", "img");
            Attr(writer, "aria-label", $"{title}: {overall}");
            Attr(writer, "font-family", FontFamily);
            Attr(writer, "lang", T(language, "ja", "en"));

            writer.WriteElementString("title", Svg, SvgText.Representable($"{title} — {overall}"));
            Rect(writer);
            Text(writer, CenterX, 34, title, 22, "middle", "#1f2933", bold: true);
            Text(writer, CenterX, 60, overall, 16, "middle", "#3e4c59", bold: false);

            Grid(writer, factors.Count);
            Series(writer, IdealSeriesId, factors.Select(_ => PostureFactorScore.MaxScore).ToList(), "none", "#2b8a3e", dashed: true);
            Series(writer, CurrentSeriesId, factors.Select(f => f.Score).ToList(), "#e8590c", "#d9480f", dashed: false);
            Labels(writer, factors, language);
            Legend(writer, language);

            writer.WriteEndElement();
        }

        return text.ToString();
    }

    private static void Rect(XmlWriter writer)
    {
        writer.WriteStartElement("rect", Svg);
        Attr(writer, "width", N(Width));
        Attr(writer, "height", N(Height));
        Attr(writer, "fill", "#ffffff");
        writer.WriteEndElement();
    }

    private static void Grid(XmlWriter writer, int axes)
    {
        writer.WriteStartElement("g", Svg);
        Attr(writer, "stroke", "#cbd2d9");
        Attr(writer, "fill", "none");
        for (var ring = 1; ring <= PostureFactorScore.MaxScore; ring++)
        {
            writer.WriteStartElement("polygon", Svg);
            Attr(writer, "points", Points(Enumerable.Repeat(ring, axes).ToList()));
            writer.WriteEndElement();
        }

        for (var i = 0; i < axes; i++)
        {
            var (x, y) = Point(i, axes, PostureFactorScore.MaxScore);
            writer.WriteStartElement("line", Svg);
            Attr(writer, "x1", N(CenterX));
            Attr(writer, "y1", N(CenterY));
            Attr(writer, "x2", N(x));
            Attr(writer, "y2", N(y));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void Series(XmlWriter writer, string id, List<int> scores, string fill, string stroke, bool dashed)
    {
        writer.WriteStartElement("polygon", Svg);
        Attr(writer, "id", id);
        Attr(writer, "points", Points(scores));
        Attr(writer, "fill", fill);
        if (fill != "none") Attr(writer, "fill-opacity", "0.25");
        Attr(writer, "stroke", stroke);
        Attr(writer, "stroke-width", "3");
        if (dashed) Attr(writer, "stroke-dasharray", "8 6");
        writer.WriteEndElement();

        for (var i = 0; i < scores.Count && !dashed; i++)
        {
            var (x, y) = Point(i, scores.Count, scores[i]);
            writer.WriteStartElement("circle", Svg);
            Attr(writer, "cx", N(x));
            Attr(writer, "cy", N(y));
            Attr(writer, "r", "4.5");
            Attr(writer, "fill", stroke);
            writer.WriteEndElement();
        }
    }

    private static void Labels(XmlWriter writer, IReadOnlyList<PostureFactorScore> factors, CultureInfo? language)
    {
        for (var i = 0; i < factors.Count; i++)
        {
            var (x, y) = Point(i, factors.Count, PostureFactorScore.MaxScore + 0.55);
            var anchor = Math.Abs(x - CenterX) < 20 ? "middle" : x > CenterX ? "start" : "end";
            var baseline = y < CenterY - Radius * 0.9 ? y - 16 : y > CenterY + Radius * 0.9 ? y + 10 : y;
            Text(writer, x, baseline, factors[i].Label.In(language), 16, anchor, "#1f2933", bold: true);
            Text(writer, x, baseline + 20, $"{factors[i].Score} / {PostureFactorScore.MaxScore}", 14, anchor, "#52606d", bold: false);
        }
    }

    private static void Legend(XmlWriter writer, CultureInfo? language)
    {
        var y = Height - 30;
        writer.WriteStartElement("rect", Svg);
        Attr(writer, "x", N(CenterX - 200));
        Attr(writer, "y", N(y - 12));
        Attr(writer, "width", "16");
        Attr(writer, "height", "16");
        Attr(writer, "fill", "#e8590c");
        Attr(writer, "fill-opacity", "0.25");
        Attr(writer, "stroke", "#d9480f");
        Attr(writer, "stroke-width", "2");
        writer.WriteEndElement();
        Text(writer, CenterX - 176, y + 1, T(language, "現在", "Current"), 15, "start", "#1f2933", bold: false);

        writer.WriteStartElement("line", Svg);
        Attr(writer, "x1", N(CenterX + 40));
        Attr(writer, "y1", N(y - 4));
        Attr(writer, "x2", N(CenterX + 70));
        Attr(writer, "y2", N(y - 4));
        Attr(writer, "stroke", "#2b8a3e");
        Attr(writer, "stroke-width", "3");
        Attr(writer, "stroke-dasharray", "8 6");
        writer.WriteEndElement();
        Text(writer, CenterX + 78, y + 1, T(language, "理想", "Ideal"), 15, "start", "#1f2933", bold: false);
    }

    private static void Text(XmlWriter writer, double x, double y, string content, int size, string anchor, string fill, bool bold)
    {
        writer.WriteStartElement("text", Svg);
        Attr(writer, "x", N(x));
        Attr(writer, "y", N(y));
        Attr(writer, "font-size", size.ToString(CultureInfo.InvariantCulture));
        Attr(writer, "text-anchor", anchor);
        Attr(writer, "fill", fill);
        if (bold) Attr(writer, "font-weight", "bold");
        writer.WriteString(SvgText.Representable(content));
        writer.WriteEndElement();
    }

    private static string Points(List<int> scores) =>
        string.Join(' ', scores.Select((s, i) => Point(i, scores.Count, s)).Select(p => $"{N(p.X)},{N(p.Y)}"));

    // Axis 0 points straight up; the others follow clockwise.
    private static (double X, double Y) Point(int axis, int axes, double score)
    {
        var angle = (2 * Math.PI * axis / axes) - (Math.PI / 2);
        var r = Radius * score / PostureFactorScore.MaxScore;
        return (CenterX + (r * Math.Cos(angle)), CenterY + (r * Math.Sin(angle)));
    }

    private static string T(CultureInfo? language, string ja, string en) => new BilingualText(ja, en).In(language);

    private static void Attr(XmlWriter writer, string name, string value) => writer.WriteAttributeString(name, SvgText.Representable(value));

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
