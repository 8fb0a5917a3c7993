namespace HealthCode.Verifier.Store;

/// <summary>
/// The store's Lua scripts. Each touches exactly one key (KEYS[1], a status or holder bucket), so each runs on one hash
/// slot of a Redis Cluster and is atomic there. Sequences are compared as decimal strings (length, then lexically): Lua numbers are doubles
/// and would lose int64 precision above 2^53.
/// </summary>
internal static class RedisScripts
{
    // KEYS[1] status bucket; ARGV[1] member, ARGV[2] sequence, ARGV[3] record, ARGV[4] ttl seconds, ARGV[5] holder key
    // ("" = none), ARGV[6] "1" revoked, ARGV[7] "1" the holder has other codes, ARGV[8] now, ARGV[9] expiresAt (base 36),
    // ARGV[10] and ARGV[11]: the holder this writer has already unlinked the code from and the sequence that was stored
    // then ("" = none).
    // Returns { 1 applied | 0 superseded | 2 duplicate | 3 unlink first, holder stored before, sequence stored before }.
    // A newer status that takes the code from its holder (moved or revoked) is refused with 3 until the writer has
    // unlinked the code from that holder: were the old link taken back after the write instead, a writer failing in
    // between would leave it for good, since its retry finds a duplicate and no longer learns the old holder. The
    // unlink counts only for the status it was made for: an older event of the holder written meanwhile may have
    // linked the code again after the unlink, so it is refused once more.
    // A value past its expiry is gone, as an expired key would be. Equal = duplicate = no-op, except that a revocation
    // wins over a live status of the same sequence (either order ends revoked: fail closed). The "m" flag is sticky:
    // once a code is known to share its holder, verify reads the holder index for it until it expires (a needless read
    // at worst, never a missed restriction). Two random fields of the bucket are swept of expired values on the way.
    public const string Apply = """
        local now = tonumber(ARGV[8])
        local function live(value)
          if not value then return nil end
          local seq, holder, flags, expires = string.match(value, '^(%d+)|([^|]*)|([mr]*)|(%w+)|')
          if seq and tonumber(expires, 36) > now then return seq, holder, flags end
          return nil
        end
        local oldHolder, multi = '', ARGV[7] == '1'
        local seq, holder, flags = live(redis.call('HGET', KEYS[1], ARGV[1]))
        if seq then
          if string.find(flags, 'm', 1, true) then multi = true end
          local incoming = ARGV[2]
          if #seq > #incoming or (#seq == #incoming and seq > incoming) then return { 0, holder } end
          if seq == incoming and (ARGV[6] ~= '1' or string.find(flags, 'r', 1, true)) then return { 2, holder } end
          if holder ~= '' and holder ~= ARGV[5] and (holder ~= ARGV[10] or seq ~= ARGV[11]) then return { 3, holder, seq } end
          oldHolder = holder
        end
        local newFlags = (multi and 'm' or '') .. (ARGV[6] == '1' and 'r' or '')
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[5] .. '|' .. newFlags .. '|' .. ARGV[9] .. '|' .. ARGV[3])
        local sample = redis.call('HRANDFIELD', KEYS[1], 2, 'WITHVALUES')
        for i = 1, #sample, 2 do
          if sample[i] ~= ARGV[1] and not live(sample[i + 1]) then redis.call('HDEL', KEYS[1], sample[i]) end
        end
        local ttl = tonumber(ARGV[4])
        if redis.call('TTL', KEYS[1]) < ttl then redis.call('EXPIRE', KEYS[1], ttl) end
        return { 1, oldHolder }
        """;

    // KEYS[1] holder bucket; ARGV[1] holder key, ARGV[2] member, ARGV[3] sequence, ARGV[4] summary, ARGV[5] ttl seconds,
    // ARGV[6] now (Unix seconds). Puts the member's summary in the holder's entry unless a higher sequence of it is
    // there, drops members whose status expired, and returns the other live members. Two random fields of the bucket
    // are swept of expired members on the way, so holders that stop writing do not stay in the index forever.
    public const string Link = """
        local now = tonumber(ARGV[6])
        local function live(value, skip)
          local kept, members, mine = {}, {}, nil
          for item in string.gmatch(value or '', '[^;]+') do
            local member, seq, expires = string.match(item, '^([^,]*),(%d+),.*,(%w+)$')
            if member and tonumber(expires, 36) > now then
              if member == skip then mine = { item, seq } else kept[#kept + 1] = item; members[#members + 1] = member end
            end
          end
          return kept, members, mine
        end
        local kept, members, mine = live(redis.call('HGET', KEYS[1], ARGV[1]), ARGV[2])
        local incoming = ARGV[3]
        local item = ARGV[2] .. ',' .. incoming .. ',' .. ARGV[4]
        if mine then
          local seq = mine[2]
          if #seq > #incoming or (#seq == #incoming and seq > incoming) then item = mine[1] end
        end
        kept[#kept + 1] = item
        redis.call('HSET', KEYS[1], ARGV[1], table.concat(kept, ';'))
        local sample = redis.call('HRANDFIELD', KEYS[1], 2, 'WITHVALUES')
        for i = 1, #sample, 2 do
          if sample[i] ~= ARGV[1] then
            local swept = live(sample[i + 1], nil)
            if #swept == 0 then redis.call('HDEL', KEYS[1], sample[i])
            else redis.call('HSET', KEYS[1], sample[i], table.concat(swept, ';')) end
          end
        end
        local ttl = tonumber(ARGV[5])
        if redis.call('TTL', KEYS[1]) < ttl then redis.call('EXPIRE', KEYS[1], ttl) end
        return members
        """;

    // KEYS[1] holder bucket; ARGV[1] holder key, ARGV[2] member, ARGV[3] highest sequence to remove, ARGV[4] now.
    // Removes the member from the holder's entry (a code that moved to another holder, or was revoked) unless a higher
    // sequence of it has been linked meanwhile.
    public const string Unlink = """
        local value = redis.call('HGET', KEYS[1], ARGV[1])
        if not value then return 0 end
        local now, limit, kept = tonumber(ARGV[4]), ARGV[3], {}
        for item in string.gmatch(value, '[^;]+') do
          local member, seq, expires = string.match(item, '^([^,]*),(%d+),.*,(%w+)$')
          if member and tonumber(expires, 36) > now then
            local older = #seq < #limit or (#seq == #limit and seq <= limit)
            if not (member == ARGV[2] and older) then kept[#kept + 1] = item end
          end
        end
        if #kept == 0 then redis.call('HDEL', KEYS[1], ARGV[1])
        else redis.call('HSET', KEYS[1], ARGV[1], table.concat(kept, ';')) end
        return 1
        """;

    // KEYS[1] status bucket of another code of the holder; ARGV[1] its member, ARGV[2] now, ARGV[3] expiresAt (base 36)
    // for a placeholder, ARGV[4] ttl seconds. Sets the code's sticky "m" flag so verify of that code reads the holder
    // index. A code whose first status is still on its way gets a placeholder (sequence 0) carrying the flag, which
    // its Apply keeps.
    public const string Mark = """
        local now = tonumber(ARGV[2])
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        local seq, holder, flags, expires, rest
        if current then seq, holder, flags, expires, rest = string.match(current, '^(%d+)|([^|]*)|([mr]*)|(%w+)|(.*)$') end
        if not seq or tonumber(expires, 36) <= now then
          redis.call('HSET', KEYS[1], ARGV[1], '0||m|' .. ARGV[3] .. '|')
          local ttl = tonumber(ARGV[4])
          if redis.call('TTL', KEYS[1]) < ttl then redis.call('EXPIRE', KEYS[1], ttl) end
          return 1
        end
        if string.find(flags, 'm', 1, true) then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], seq .. '|' .. holder .. '|m' .. flags .. '|' .. expires .. '|' .. rest)
        return 1
        """;
}
