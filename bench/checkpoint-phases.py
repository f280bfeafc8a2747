#!/usr/bin/env python3
"""Where a checkpoint's time goes, per task, in the last job of a run logged with bench/log4j2-checkpoint-phases.xml
(the bench's latency job): for each completed checkpoint its duration and the task that finished last; then per task,
median / max over the checkpoints, ms: the barrier's arrival after the trigger, the synchronous part (the task thread
blocked; on RocksDB the native checkpoint with its memtable flush), the alignment, the end of the asynchronous part.
usage: bench/checkpoint-phases.py CKPT_LOG [ROWS]"""
import collections
import re
import statistics
import sys


def millis(clock):
    h, m, s = clock.split(':')
    return (int(h) * 3600 + int(m) * 60 + float(s)) * 1000


def task(name, subtask):
    return f'{name[:60]} {subtask}'


def main(path, rows):
    lines = open(path).read().split('\n')
    # the last job: its checkpoints count from 1 again
    lines = lines[max(i for i, l in enumerate(lines) if re.search(r'Triggering checkpoint 1 \(', l)):]
    trigger, duration = {}, {}
    barrier, sync, align, async_end = (collections.defaultdict(dict) for _ in range(4))
    for line in lines:
        clock = re.match(r'(\d\d:\d\d:\d\d\.\d+) ', line)
        if not clock:
            continue
        at = millis(clock.group(1))
        thread = re.search(r'\[(.*?) \((\d+)/\d+\)#\d+\]', line)
        if 'Triggering checkpoint' in line:
            trigger[int(re.search(r'Triggering checkpoint (\d+)', line).group(1))] = at
        elif 'Completed checkpoint' in line:
            n = int(re.search(r'Completed checkpoint (\d+)', line).group(1))
            duration[n] = int(re.search(r'checkpointDuration=(\d+)', line).group(1))
        elif 'Starting checkpoint' in line and thread:
            n = int(re.search(r'Starting checkpoint (\d+)', line).group(1))
            barrier[n][task(*thread.groups())] = at
        elif 'finished synchronous part' in line and thread:
            n = int(re.search(r'checkpoint (\d+)\.', line).group(1))
            sync[n][task(*thread.groups())] = int(re.search(r'snapshot duration (\d+)', line).group(1))
            align[n][task(*thread.groups())] = int(re.search(r'Alignment duration: (\d+)', line).group(1))
        elif 'finished asynchronous part' in line:
            named = re.search(r'- (.*?) \((\d+)/\d+\)#\d+ - finished asynchronous', line)
            if named:
                n = int(re.search(r'checkpoint (\d+)\.', line).group(1))
                async_end[n][task(*named.groups())] = at
    per_task = collections.defaultdict(lambda: collections.defaultdict(list))
    for n in sorted(trigger):
        if n not in duration or not async_end[n]:
            continue
        start = trigger[n]
        last = max(async_end[n], key=async_end[n].get)
        print(f'checkpoint {n}: {duration[n]} ms; last to finish {last} at {async_end[n][last] - start:.0f} ms'
              f' (synchronous part {sync[n].get(last, 0)} ms)')
        for t, at in barrier[n].items():
            per_task[t]['barrier'].append(at - start)
            per_task[t]['sync'].append(sync[n].get(t, 0))
            per_task[t]['align'].append(align[n].get(t, 0))
            if t in async_end[n]:
                per_task[t]['end'].append(async_end[n][t] - start)
    print('\nper task, median / max ms: barrier after trigger, synchronous part, alignment, end of asynchronous part')
    spread = lambda xs: (statistics.median(xs), max(xs)) if xs else (0, 0)
    ranked = sorted(per_task.items(), key=lambda kv: -spread(kv[1]['end'])[0])
    for t, d in ranked[:rows]:
        b, s, a, e = (spread(d[k]) for k in ('barrier', 'sync', 'align', 'end'))
        print(f'{t:64s} barrier {b[0]:6.0f}/{b[1]:6.0f}  sync {s[0]:5.0f}/{s[1]:5.0f}'
              f'  align {a[0]:5.0f}/{a[1]:5.0f}  end {e[0]:6.0f}/{e[1]:6.0f}')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25)
