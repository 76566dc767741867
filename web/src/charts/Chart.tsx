// One chart: an ECharts instance that follows its option and its box's size. ECharts is loaded on
// first use, in a chunk of its own, so pages without charts (sign-in, lists) stay light.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EChartsOption } from './echarts';

type Instance = ReturnType<(typeof import('./echarts'))['echarts']['init']>;

export function Chart(props: { option: EChartsOption; label: string; class?: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    let live = true;
    let ro: ResizeObserver | null = null;
    import('./echarts').then(({ echarts }) => {
      if (!live || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.current = c;
      ro = new ResizeObserver(() => c.resize());
      ro.observe(box.current);
      setReady(true);
    });
    return () => {
      live = false;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(props.option, { notMerge: true });
    setRendered(true);
  }, [props.option, ready]);

  // the label is ours: ECharts' own description (its aria option) would replace it on the chart's box
  return (
    <div role="img" aria-label={props.label} data-testid={props.testId} data-rendered={rendered ? 'true' : undefined}>
      <div ref={box} class={`chart ${props.class ?? ''}`} />
    </div>
  );
}
