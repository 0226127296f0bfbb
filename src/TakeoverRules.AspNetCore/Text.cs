using System.Globalization;

namespace TakeoverRules.AspNetCore;

/// <summary>The package's own user-facing texts, in the culture's language by the core's rule (<see cref="TextLanguage"/>).</summary>
internal static class Text
{
    public static string Breached(CultureInfo culture) => TextLanguage.IsJapanese(culture)
        ? "このパスワードは過去の漏えいデータに含まれています。別のパスワードにしてください。"
        : "This password appears in known data breaches. Choose a different one.";

    public static string Unavailable(CultureInfo culture) => TextLanguage.IsJapanese(culture)
        ? "パスワードの漏えい確認ができませんでした。しばらくしてからもう一度お試しください。"
        : "The password could not be checked against known breaches. Try again later.";
}
