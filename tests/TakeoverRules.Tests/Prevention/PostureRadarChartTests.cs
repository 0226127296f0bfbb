using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using CsCheck;
using TakeoverRules.Prevention;

namespace TakeoverRules.Tests.Prevention;

public sealed class PostureRadarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void The_chart_is_well_formed_svg_with_a_viewbox_and_both_series(string language)
    {
        var doc = XDocument.Parse(SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer).ToRadarSvg(CultureInfo.GetCultureInfo(language)));

        doc.Root!.Name.Should().Be(Svg + "svg");
        doc.Root.Attribute("viewBox")!.Value.Should().Be("0 0 760 640");
        doc.Root.Attribute("font-family")!.Value.Should().StartWith("'Noto Sans CJK JP'").And.EndWith("sans-serif");
        var series = doc.Descendants(Svg + "polygon").Select(p => (string?)p.Attribute("id")).ToList();
        series.Should().Contain("series-current").And.Contain("series-ideal");
    }

    [Theory]
    [InlineData("en", "posture-example.svg")]
    [InlineData("ja", "posture-example.ja.svg")]
    public void The_documentation_charts_are_the_typical_customers(string language, string file)
    {
        var docs = Path.Combine(typeof(PostureRadarChartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value!, "..", "..", "docs", "images", file);

        File.ReadAllText(docs).Should().Be(SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer).ToRadarSvg(CultureInfo.GetCultureInfo(language)),
            "docs/images/{0} is drawn from SecurityPostureInput.TypicalCustomer (regenerate it with the command in THIRD-PARTY-NOTICES.md)", file);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Every_factor_label_and_the_legend_appear_in_the_chosen_language(string language)
    {
        var posture = SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer);
        var texts = XDocument.Parse(posture.ToRadarSvg(CultureInfo.GetCultureInfo(language))).Descendants(Svg + "text").Select(t => t.Value).ToList();

        texts.Should().Contain(posture.Factors.Select(f => f.Label.In(CultureInfo.GetCultureInfo(language))));
        texts.Should().Contain(language == "ja" ? ["現在", "理想"] : ["Current", "Ideal"]);
        texts.Should().Contain(language == "ja" ? $"総合 {posture.Overall} / 100" : $"Overall {posture.Overall} / 100");
    }

    [Fact]
    public void The_current_series_places_each_score_on_its_axis()
    {
        var posture = SecurityPosture.Assess(SecurityPostureTests.SingleWeakFactor);
        var points = XDocument.Parse(posture.ToRadarSvg(CultureInfo.GetCultureInfo("en"))).Descendants(Svg + "polygon")
            .Single(p => (string?)p.Attribute("id") == "series-current").Attribute("points")!.Value.Split(' ');

        points.Should().HaveCount(posture.Factors.Count);
        points[0].Should().Be("380,335", "MFA (axis 0, straight up) scores 0 and so sits at the centre");
        points[1].Should().NotBe("380,335");
    }

    [Fact]
    public void The_chart_has_no_scripts_links_or_external_references()
    {
        var svg = SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer).ToRadarSvg(CultureInfo.GetCultureInfo("ja"));
        var doc = XDocument.Parse(svg);

        doc.Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "image", "a", "foreignObject", "style"]);
        svg.Should().NotContain("href").And.NotContain("@import").And.NotContain("url(");
    }

    [ChromiumFact]
    public void The_chart_renders_in_headless_chromium()
    {
        Chromium.JapaneseFonts().Should().NotBeEmpty("without a Japanese font the ja chart renders as boxes; install fonts-noto-cjk");
        foreach (var language in new[] { "en", "ja" })
        {
            var png = Chromium.Screenshot(SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer).ToRadarSvg(CultureInfo.GetCultureInfo(language)), 760, 640);

            png.Length.Should().BeGreaterThan(10_000, "a blank page compresses to far less");
            png.AsSpan(0, 8).ToArray().Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
            width.Should().Be(760);
        }
    }

    [Fact]
    public void Any_label_parses_as_xml_and_comes_back_as_written()
    {
        var posture = SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer);
        HostileText.Gen.Sample(text =>
        {
            var planted = new SecurityPosture([.. posture.Factors.Select(f => f with { Label = new(text, text) })], posture.Overall, posture.NextActions);

            var doc = XDocument.Parse(planted.ToRadarSvg(CultureInfo.GetCultureInfo("en")), LoadOptions.PreserveWhitespace);

            doc.Descendants().Select(e => e.Name.LocalName).Distinct().Should().BeSubsetOf(["svg", "title", "rect", "g", "polygon", "line", "circle", "text"]);
            var expected = SvgText.Representable(text);
            doc.Descendants(Svg + "text").Count(t => t.Value == expected).Should().Be(posture.Factors.Count, "the text was {0}", JsonSerializer.Serialize(text));
            doc.Descendants(Svg + "text").Should().HaveCount(posture.Factors.Count * 2 + 4);
        });
    }

    [Fact]
    public void Only_characters_xml_cannot_hold_are_replaced()
    {
        SvgText.Representable("a\u0001b\uFFFEc\ud800").Should().Be("a\uFFFDb\uFFFDc\uFFFD");
        SvgText.Representable("<script>&amp;\r\n\t\ud83d\ude00").Should().Be("<script>&amp;\r\n\t\ud83d\ude00");
    }

}

/// <summary>
/// A fact that is skipped, with the reason, where Chromium is not installed: CI installs it (see .ci/run), a developer
/// machine may not have it.
/// </summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!File.Exists(Chromium.Path))
        {
            Skip = $"{Chromium.Path} is missing; install it with 'apt-get install -y chromium fonts-noto-cjk'.";
        }
    }
}

/// <summary>Runs headless Chromium once, with a fresh profile and no network features, and returns the PNG.</summary>
internal static class Chromium
{
    // TAKEOVER_CHROMIUM points elsewhere (or at nothing, to see the skip).
    public static readonly string Path = Environment.GetEnvironmentVariable("TAKEOVER_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>The font families fontconfig offers for Japanese, as Chromium on Linux would find them.</summary>
    public static IReadOnlyList<string> JapaneseFonts()
    {
        var start = new ProcessStartInfo("fc-list") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(":lang=ja");
        start.ArgumentList.Add("family");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(10_000);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static byte[] Screenshot(string svg, int width, int height)
    {
        var dir = Directory.CreateTempSubdirectory("takeover-chromium-");
        try
        {
            var svgPath = System.IO.Path.Combine(dir.FullName, "chart.svg");
            var pngPath = System.IO.Path.Combine(dir.FullName, "chart.png");
            File.WriteAllText(svgPath, svg);
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = dir.FullName,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={System.IO.Path.Combine(dir.FullName, "profile")}",
                $"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={pngPath}", "file://" + svgPath,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 60 s");
            }

            File.Exists(pngPath).Should().BeTrue("chromium wrote no screenshot; stderr: {0}", stderr.Result);
            return File.ReadAllBytes(pngPath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
