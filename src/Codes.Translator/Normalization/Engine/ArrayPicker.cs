namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Chooses the entry of every declared array in a payload, outermost first, by position or by a time field.</summary>
internal static class ArrayPicker
{
    public static PayloadPaths Pick(ProfilePlan plan, NativePayload payload, RecordBuilder builder)
    {
        if (plan.Picks.Length == 0)
        {
            return PayloadPaths.Direct;
        }

        var paths = new PayloadPaths(plan.ArrayPaths);
        foreach (var pick in plan.Picks)
        {
            if (!paths.TryResolve(pick.Path, out var array))
            {
                paths.Failed(pick.Path);
            }
            else if (array is not null && payload.TryGet(array, out var node) && node.Kind == NodeKind.Array && node.HasChildren)
            {
                var index = Choose(pick, array, payload, builder);
                if (index is null)
                {
                    paths.Failed(pick.Path);
                }
                else
                {
                    paths.Picked(pick.Path, index.Value);
                }
            }
        }

        return paths;
    }

    private static int? Choose(CompiledPick pick, string array, NativePayload payload, RecordBuilder builder)
    {
        var count = 0;
        while (payload.TryGet($"{array}/{count}", out _))
        {
            count++;
        }

        if (pick.Entry == PickEntry.First || pick.Entry == PickEntry.Last)
        {
            return pick.Entry == PickEntry.First ? 0 : count - 1;
        }

        int? best = null;
        var bestTime = default(DateTimeOffset);
        for (var i = 0; i < count; i++)
        {
            var byPath = $"{array}/{i}/{pick.By}";
            if (!payload.TryGet(byPath, out var node) || node.IsEmpty)
            {
                builder.Error(NativePayload.Pointer(byPath), $"is required to pick the {Name(pick.Entry)} entry of {NativePayload.Pointer(array)}");
                return null;
            }

            if (!pick.Time!.TryRead(node, out var time))
            {
                builder.Error(NativePayload.Pointer(byPath), $"{Echo.Quote(node.Text)} is not a valid time in format {pick.Time.Describe}");
                return null;
            }

            // Ties go to the later entry for latest and the earlier one for earliest: the order the region listed them in.
            if (best is null || (pick.Entry == PickEntry.Latest ? time >= bestTime : time < bestTime))
            {
                (best, bestTime) = (i, time);
            }
        }

        return best;
    }

    private static string Name(PickEntry entry) => entry == PickEntry.Latest ? "latest" : "earliest";
}
