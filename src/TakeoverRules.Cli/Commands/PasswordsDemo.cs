using System.Globalization;
using TakeoverRules.Passwords;

namespace TakeoverRules.Cli.Commands;

/// <summary>The demo's password section: strength with Japanese patterns, the NIST and a broker policy, k-anonymity, and trading PINs.</summary>
internal static class PasswordsDemo
{
    public static void Write(TextWriter o)
    {
        o.WriteLine("== Passwords: strength, policy, breach check and trading PIN (取引暗証番号) ==");
        o.WriteLine("Example passwords (illustrations typed into this demo; real results never contain the password):");
        string[] userInputs = ["taro.yamada@example.jp", "山田 太郎"];
        var nist = new PasswordPolicyChecker(PasswordPolicy.Nist);
        var broker = new PasswordPolicyChecker(new PasswordPolicy
        {
            Name = "broker-example",
            MinimumLength = 8,
            MaximumLength = 32,
            RequiredClasses = CharacterClasses.Lowercase | CharacterClasses.Uppercase | CharacterClasses.Digit,
            AsciiOnly = true,
        });
        foreach (var password in new[] { "Ｐａｓｓｗｏｒｄ１２３", "adgjmptw", "1qaz2wsx", "TaroYamada1985", "sakura0412", "Kabu!Toushi2025", "correct horse battery staple" })
        {
            var estimate = PasswordStrength.Estimate(password, userInputs);
            var n = nist.Check(password, estimate, userInputs);
            var b = broker.Check(password, estimate, userInputs);
            var warning = estimate.Feedback.Warning == PasswordWarning.None ? "" : " — " + estimate.Feedback.GetWarningText(CommonOptions.English);
            o.WriteLine($"  {password,-30} score {(int)estimate.Score}/4, 10^{estimate.GuessesLog10.ToString("0.0", CultureInfo.InvariantCulture),-5} nist: {Verdict(n)}; broker-example: {Verdict(b)}{warning}");
        }

        o.WriteLine("  broker-example = 8–32 half-width characters with lower, upper and digit: composition rules NIST SP 800-63B rev. 4 forbids,");
        o.WriteLine("  kept configurable for brokers that still require them. nist = 15 code points, whole-password blocklist and context words.");

        o.WriteLine("Breach check (k-anonymity): for \"password\" only the 5-hex SHA-1 prefix 5BAA6 is sent to the Pwned Passwords range API;");
        o.WriteLine("  the other 35 digits are compared locally, padding lines (count 0) are ignored, and a local sorted hash file can be");
        o.WriteLine("  searched offline by binary search instead (takeover password --pwned-file FILE).");

        var holder = new TradingPinContext { BirthDate = new DateOnly(1985, 7, 21), LoginPassword = "sakura2740kabu", OtherNumbers = ["090-1234-8361"] };
        o.WriteLine("Trading PINs for a holder born 1985-07-21 (昭和60年), login password containing 2740, phone ending 8361:");
        foreach (var pin in new[] { "1234", "2580", "1225", "1987", "6007", "2740", "8361", "5093" })
        {
            var result = TradingPinChecker.Check(pin, holder);
            o.WriteLine($"  {pin}  {(result.IsAcceptable ? "acceptable" : "refused: " + string.Join(", ", result.Findings.Select(f => f.Weakness)))}");
        }

        o.WriteLine($"  Without any context, {TradingPinChecker.RefusedCodeCount.ToString("N0", CultureInfo.InvariantCulture)} of the 10,000 four-digit codes are refused.");
        o.WriteLine();
    }

    private static string Verdict(PasswordPolicyResult result) =>
        result.IsCompliant ? "pass" : "FAIL " + string.Join("+", result.Violations.Select(v => v.Code));
}
