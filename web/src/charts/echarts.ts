// ECharts with only the charts and components Carlo draws, so the bundle stays small.
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, CustomChart, LineChart, ScatterChart, GridComponent, LegendComponent,
  MarkLineComponent, TooltipComponent, CanvasRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
