using System.CommandLine;
using TakeoverRules.Detection;
using TakeoverRules.Passwords;
using TakeoverRules.Prevention;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// <c>takeover posture</c>: assesses a customer's account security from typed answers, prints the score per factor
/// and the most valuable next action first, and optionally writes the radar chart as SVG.
/// </summary>
internal static class PostureCommand
{
    private static readonly Dictionary<string, AuthMethod> Mfa = new()
    {
        ["none"] = AuthMethod.Password, ["sms"] = AuthMethod.Sms, ["email"] = AuthMethod.EmailOtp,
        ["app"] = AuthMethod.Totp, ["push"] = AuthMethod.Push, ["passkey"] = AuthMethod.Passkey,
    };

    private static readonly Dictionary<string, PasswordReuse> Reuse = new()
    {
        ["yes"] = PasswordReuse.Reused, ["unsure"] = PasswordReuse.NotSure, ["no"] = PasswordReuse.Unique,
    };

    private static readonly Dictionary<string, NotificationCoverage> Notifications = new()
    {
        ["none"] = NotificationCoverage.None, ["logins"] = NotificationCoverage.LoginsOnly, ["all"] = NotificationCoverage.LoginsTradesAndWithdrawals,
    };

    private static readonly Dictionary<string, AccessRoute> Access = new()
    {
        ["bookmark"] = AccessRoute.BookmarkOrOfficialApp, ["app"] = AccessRoute.BookmarkOrOfficialApp,
        ["search"] = AccessRoute.SearchResults, ["links"] = AccessRoute.LinksInMessages,
    };

    private static readonly Dictionary<string, AccountCheckHabit> Checks = new()
    {
        ["daily"] = AccountCheckHabit.Daily, ["weekly"] = AccountCheckHabit.Weekly,
        ["monthly"] = AccountCheckHabit.Monthly, ["rarely"] = AccountCheckHabit.Rarely,
    };

    private static readonly Dictionary<string, TradingPinStrength> Pin = new()
    {
        ["strong"] = TradingPinStrength.Strong, ["guessable"] = TradingPinStrength.Guessable,
        ["same"] = TradingPinStrength.SameAsLoginPassword, ["none"] = TradingPinStrength.NotUsedByBroker,
    };

    public static Command Create(CliConsole console)
    {
        var mfa = Choice("--mfa", "Second factor at login", Mfa, "none");
        var passwordScore = new Option<int>("--password-score")
        {
            Description = "Login password strength, 0 (too guessable) to 4 (very unguessable), as a zxcvbn-family estimator reports it",
            DefaultValueFactory = _ => 0,
        };
        passwordScore.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 0 or > 4) result.AddError($"--password-score: must be 0 to 4 (was {value})");
        });
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the login password from the first line of stdin and score it with the estimator (it is never printed); replaces --password-score",
        };
        var reuse = Choice("--reuse", "Is the password used elsewhere", Reuse, "unsure");
        var notifications = Choice("--notifications", "Notifications switched on", Notifications, "none");
        var access = Choice("--access", "How the login page is reached", Access, "links");
        var checks = Choice("--checks", "How often the account is checked", Checks, "rarely");
        var pin = Choice("--pin", "Trading PIN strength (none: the broker uses no PIN)", Pin, "guessable");
        var language = CommonOptions.Language();
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Md, OutputFormat.Json);
        var svg = new Option<FileInfo?>("--svg") { Description = "Also write the radar chart (current vs ideal) as SVG to this file" };

        var command = new Command("posture", "Assess account security from your answers: a score per factor, the most valuable next action first, and an optional radar chart (SVG).")
        {
            mfa, passwordScore, passwordStdin, reuse, notifications, access, checks, pin, language, format, svg,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(passwordStdin) && parse.GetResult(passwordScore) is { Implicit: false })
            {
                console.Error.WriteLine("error: --password-score and --password-stdin: give one, not both");
                return ExitCodes.UsageError;
            }

            var input = new SecurityPostureInput
            {
                Mfa = Mfa[parse.GetValue(mfa)!],
                PasswordScore = parse.GetValue(passwordScore),
                PasswordReuse = Reuse[parse.GetValue(reuse)!],
                Notifications = Notifications[parse.GetValue(notifications)!],
                Access = Access[parse.GetValue(access)!],
                AccountChecks = Checks[parse.GetValue(checks)!],
                TradingPin = Pin[parse.GetValue(pin)!],
            };
            SecurityPosture posture;
            if (parse.GetValue(passwordStdin))
            {
                var password = console.In.ReadLine();
                if (string.IsNullOrEmpty(password))
                {
                    console.Error.WriteLine("error: --password-stdin: stdin held no password (the first line was empty)");
                    return ExitCodes.UsageError;
                }

                posture = SecurityPosture.Assess(input, PasswordStrength.Estimate(password));
            }
            else
            {
                posture = SecurityPosture.Assess(input);
            }

            var culture = parse.GetValue(language)!;
            if (parse.GetValue(svg) is { } file)
            {
                try
                {
                    File.WriteAllText(file.FullName, posture.ToRadarSvg(culture));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    console.Error.WriteLine($"error: --svg {file.FullName}: cannot write ({ex.Message})");
                    return ExitCodes.UsageError;
                }

                console.Error.WriteLine($"wrote {file.FullName}");
            }

            console.Out.Write(parse.GetFormat(format) switch
            {
                OutputFormat.Json => posture.ToJson() + "\n",
                OutputFormat.Md => posture.ToMarkdown(culture),
                _ => posture.ToText(culture),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> Choice<T>(string name, string description, Dictionary<string, T> values, string fallback)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description}: {string.Join(", ", values.Keys)}",
            DefaultValueFactory = _ => fallback,
        };
        option.AcceptOnlyFromAmong([.. values.Keys]);
        return option;
    }
}
