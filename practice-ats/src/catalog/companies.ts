// The fictional employers behind the practice boards, one per ATS board.
import type { Company } from './posting.ts';

function company(name: string, board: string, about: string, benefits: string): Company {
  return { name, board, about, benefits };
}

export const COMPANIES = {
  northwind: company(
    'Northwind Robotics',
    'northwind',
    'Northwind Robotics builds autonomous picking robots for mid-sized warehouses. Our fleet handles more than two million orders a week for grocers, pharmacies and parts distributors across North America, and we are growing the team that keeps it fast, safe and boring to operate.',
    'We offer medical, dental and vision coverage from day one, a 401(k) with a 4% match, 20 days of paid time off plus a winter shutdown, a yearly learning budget of $2,000 and 16 weeks of paid parental leave.',
  ),
  lumen: company(
    'Lumen Labs',
    'lumenlabs',
    'Lumen Labs turns messy clinical data into answers doctors can trust. Hospitals use our platform to spot patients at risk of sepsis hours earlier, and researchers use it to run studies in weeks instead of years. We are a team of 140 engineers, clinicians and data scientists.',
    'Benefits include fully paid health insurance, equity for every employee, a home-office stipend, four weeks of vacation and a paid week each year to work on anything that helps patients.',
  ),
  orbitpay: company(
    'OrbitPay',
    'orbitpay',
    'OrbitPay moves money for marketplaces: payouts to 40 countries, split payments and instant refunds behind one API. We process more than $9B a year for companies from two-person startups to public platforms, and we care a lot about getting every cent to the right place.',
    'We pay in the top quartile of our market, offer private health insurance, a pension plan, a learning budget, flexible hours and a yearly company offsite.',
  ),
  quillstack: company(
    'Quillstack',
    'quillstack',
    'Quillstack is the documentation platform for developer tools: docs that stay in sync with the code, interactive API references and search that understands code. More than 3,000 companies publish their docs with us.',
    'Remote-first with hubs in New York and Berlin. Competitive salary and equity, a $1,500 yearly home-office budget, unlimited PTO with a 20-day minimum and twice-yearly team retreats.',
  ),
  meridian: company(
    'Meridian Health',
    'meridianhealth',
    'Meridian Health runs 38 hospitals and more than 200 clinics across the Midwest. Our Digital & Technology team builds the systems that nurses, physicians and patients use every day, from scheduling to the electronic health record.',
    'Meridian offers comprehensive medical and dental plans, tuition assistance, a pension plan with employer contributions, paid volunteer days and an on-site childcare program at our main campuses.',
  ),
  brightharbor: company(
    'Bright Harbor Logistics',
    'BrightHarborLogistics',
    'Bright Harbor Logistics plans and runs freight for retailers across Europe and North America: ocean, air and the last mile. Our planners and engineers handle 60,000 shipments a month with software we build ourselves.',
    'We offer a competitive base salary with an annual bonus, 28 days of holiday, a company pension, cycle-to-work and public transport subsidies and hybrid working from our offices.',
  ),
  cascade: company(
    'Cascade Energy Cooperative',
    'cascadeenergy',
    'Cascade Energy Cooperative delivers electricity to 410,000 member-owners in the Pacific Northwest, with 70% of it from hydro and wind. We are modernising the grid with smart meters, battery storage and better outage tools.',
    'Members of our team get a defined-benefit pension, medical, dental and vision insurance, 9/80 schedules, paid training and certifications, and a generous holiday schedule.',
  ),
  fern: company(
    'Fern & Co',
    'fernandco',
    'Fern & Co sells sustainable home goods online to customers in 24 countries. We design our products in-house, work directly with makers, and ship everything plastic-free.',
    'We offer a salary review twice a year, a 40% staff discount, private healthcare, an extra day off for your birthday and a four-day week in August.',
  ),
  tidewater: company(
    'Tidewater Analytics',
    'tidewater',
    'Tidewater Analytics helps port authorities and shipping lines predict congestion, emissions and arrival times. Our models run on data from 1,200 ports and 90,000 vessels.',
    'Tidewater offers a competitive salary, stock options, health and dental insurance, a 6% pension contribution, 25 days of holiday and a flexible hybrid policy.',
  ),
} satisfies Record<string, Company>;
