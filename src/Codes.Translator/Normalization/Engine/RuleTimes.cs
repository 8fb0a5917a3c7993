using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Compiles the time formats of a rule: its own, a split time-of-day field, and an array's pick by time.</summary>
internal static class RuleTimes
{
    public static TimeReader? Compile(FieldRule rule, string at, NativeType type, CanonicalField? to, TimeZoneInfo zone, ProfileErrors errors)
    {
        if (rule.Time is null)
        {
            if (to is { } t && CanonicalFields.KindOf(t) == CanonicalKind.Time)
            {
                errors.Add($"{at}.time", $"{rule.To} is a time: a time format is required");
            }

            if (rule.TimeOfDay is not null)
            {
                errors.Add($"{at}.timeOfDay", "a time of day completes a date: this field needs a time format for its date");
            }

            return null;
        }

        if (!TimeReader.IsValidFormat(rule.Time))
        {
            errors.Add($"{at}.time", $"'{rule.Time}' is not a known time format or a valid .NET date format");
            return null;
        }

        if (to is null || CanonicalFields.KindOf(to.Value) != CanonicalKind.Time)
        {
            errors.Add($"{at}.to", "a field with a time format must go to a canonical time field");
            return null;
        }

        if (rule.TimeOfDay is { } clock && !TimeOfDay(rule.Time, clock, at, errors))
        {
            return null;
        }

        var time = new TimeReader(rule.Time, zone, rule.TimeOfDay?.Time);
        if (time.NeedsInteger != (type == NativeType.Integer))
        {
            errors.Add($"{at}.type", $"time format '{rule.Time}' needs type {(time.NeedsInteger ? "integer" : "string")}");
        }

        return time;
    }

    public static CompiledPick? CompilePick(ArrayPick pick, string path, string at, TimeZoneInfo zone, ProfileErrors errors)
    {
        PickEntry? entry = pick.Entry switch
        {
            "first" => PickEntry.First,
            "last" => PickEntry.Last,
            "latest" => PickEntry.Latest,
            "earliest" => PickEntry.Earliest,
            _ => null,
        };
        if (entry is null)
        {
            errors.Add($"{at}.pick.entry", $"'{pick.Entry}' is not first, last, latest or earliest");
            return null;
        }

        if (entry is PickEntry.First or PickEntry.Last)
        {
            if (pick.By is not null || pick.Time is not null)
            {
                errors.Add($"{at}.pick", $"{pick.Entry} picks by position: it takes no by or time");
                return null;
            }

            return new CompiledPick(path, entry.Value, null, null);
        }

        if (pick.By is null || pick.Time is null)
        {
            errors.Add($"{at}.pick", $"{pick.Entry} needs by (the path of the time field inside an entry) and time (its format)");
            return null;
        }

        if (!TimeReader.IsValidFormat(pick.Time))
        {
            errors.Add($"{at}.pick.time", $"'{pick.Time}' is not a known time format or a valid .NET date format");
            return null;
        }

        return new CompiledPick(path, entry.Value, pick.By.TrimStart('/'), new TimeReader(pick.Time, zone));
    }

    private static bool TimeOfDay(string dateFormat, TimeOfDayRule clock, string at, ProfileErrors errors)
    {
        var ok = true;
        if (TimeReader.IsNamed(dateFormat) || dateFormat.Contains('H') || dateFormat.Contains('h'))
        {
            errors.Add($"{at}.time", $"with timeOfDay, time must be a .NET date format without hours, not '{dateFormat}'");
            ok = false;
        }

        if (!TimeReader.IsValidTimeOfDayFormat(clock.Time))
        {
            errors.Add($"{at}.timeOfDay.time", $"'{clock.Time}' is not a .NET time-of-day format (hours, no date)");
            ok = false;
        }

        return ok;
    }
}
