// One chart: an ECharts instance that follows its option and its box's size.
import { useEffect, useRef, useState } from 'preact/hooks';
import { echarts, type EChartsOption } from './echarts';

export function Chart(props: { option: EChartsOption; label: string; class?: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(props.option, { notMerge: true });
    setRendered(true);
  }, [props.option]);

  // the label is ours: ECharts' own description (its aria option) would replace it on the chart's box
  return (
    <div role="img" aria-label={props.label} data-testid={props.testId} data-rendered={rendered ? 'true' : undefined}>
      <div ref={box} class={`chart ${props.class ?? ''}`} />
    </div>
  );
}
