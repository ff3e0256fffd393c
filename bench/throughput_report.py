"""How bench/bench_throughput.py prints its rows: one block per variant, and one table of every
background and variant side by side (bench/profile_analysis.py prints its row the same way)."""

from __future__ import annotations


def print_row(row: dict, duration: float, bare_wall: float | None, chat: dict | None) -> None:
    size = f"{chat['width']}x{chat['height']} {chat['background']}" if chat else "video"
    print(f"\n== {row['variant']}: {row['wall_s']} s for {duration:.0f} s of {size}")
    print(f"  real-time factor      {duration / row['wall_s']:.2f}x")
    if bare_wall and row["variant"] != "bare faster-whisper":
        print(f"  ratio to bare fw      {row['wall_s'] / bare_wall:.2f}x")
    print(f"  peak RSS              {row['peak_rss_mib']} MiB")
    if "rss_sum_of_peaks_mib" in row:
        print(
            f"  RSS at own peaks      parent {row['parent_rss_mib']} + child "
            f"{row['child_rss_mib']} = {row['rss_sum_of_peaks_mib']} MiB (not at one moment)"
        )
    print(f"  core busy (system)    {', '.join(f'{100 * b:.0f}%' for b in row['core_busy'])}")
    wer = f", WER {row['wer']:.3f} on the real voices" if "wer" in row else ""
    print(f"  speech                {row['segments']} segments, {row['words']} words{wer}")
    print(f"  process CPU           {row['process_cpu_s']} s")
    if "child_task_s" in row:
        print(f"  tasks in the child    {', '.join(row['child_task_s'])} (s)")
    if "stage_wall_s" not in row:
        return
    print(
        "  CPU s by thread       "
        + ", ".join(f"{name} {cpu}" for name, cpu in row["thread_cpu_s"].items())
    )
    if chat is None:
        print(f"  lines recognised      {row['line_crops_recognised']} line crops")
    else:
        print(
            f"  lines recognised      {row['line_crops_recognised']} line crops vs "
            f"{chat['chat_lines_shown']} chat lines shown ({chat['chat_lines_distinct']} distinct "
            f"texts per {chat['stream_s']:.0f} s loop): "
            f"{row['line_crops_recognised'] / chat['chat_lines_shown']:.2f}x"
        )
    print(
        f"  text detector         {row['detector_runs']} runs, "
        f"{row['detector_pixels'] / 1e6:.0f} Mpixel"
    )
    print(f"  on-screen text items  {row['frame_texts']} ({row['distinct_texts']} distinct texts)")
    print(f"  flags                 {row['flags']}")
    if "keyframes" in row:
        print(f"  pictures              {row['keyframes']} keyframe hashes, "
              f"{row['qr_identifiers']} QR identifiers")  # fmt: skip
    # CPU of the calling thread: stages whose work runs in native threads (ASR, decoding) show
    # little here; the process total is above.
    print(f"  {'stage':<40} {'wall s':>8} {'thread CPU s':>13}")
    for stage, wall in row["stage_wall_s"].items():
        print(f"  {stage:<40} {wall:>8.1f} {row['stage_cpu_s'][stage]:>13.1f}")


def print_table(results: list[tuple[dict, list[dict]]]) -> None:
    """Every background and variant side by side."""
    head = (
        f"{'background':<10} {'voices':<9} {'variant':<22} {'wall s':>7} {'x real':>7} {'/bare':>6} "
        f"{'WER':>6} "
        f"{'det runs':>8} {'det Mpx':>8} {'crops':>6} {'/shown':>6} {'items':>6} {'RSS MiB':>8}"
    )
    print("\n" + head + "\n" + "-" * len(head))
    for chat, rows in results:
        for row in rows:
            crops = row.get("line_crops_recognised")
            cells = [
                f"{chat['background']:<10} {chat.get('voices', 'synthetic'):<9}",
                f"{row['variant']:<22} {row['wall_s']:>7.1f}",
                f"{row['realtime_factor']:>7.2f} {row.get('ratio_to_bare', ''):>6}",
                f"{row.get('wer', ''):>6}",
                f"{row.get('detector_runs', ''):>8}",
                f"{row['detector_pixels'] / 1e6:>8.0f}" if "detector_pixels" in row else " " * 8,
                f"{'' if crops is None else crops:>6}",
                f"{crops / chat['chat_lines_shown']:>6.2f}" if crops is not None else " " * 6,
                f"{row.get('frame_texts', ''):>6} {row['peak_rss_mib']:>8}",
            ]
            print(" ".join(cells))
