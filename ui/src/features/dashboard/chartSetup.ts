/**
 * Chart.js with only the pieces the dashboard draws, registered once. Charts
 * are drawn on canvas by the library; nothing here draws by hand.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  MatrixController,
  MatrixElement,
  PointElement,
  Tooltip,
);
// The window's own font, so charts read like the rest of the app.
Chart.defaults.font.family = "inherit";
Chart.defaults.color = "#444";
// A chart that redraws on every refresh would flicker; data changes animate, first paint does not.
Chart.defaults.animation = false;

export { Chart };
